// Types for the validator that scripts/compile-schema.mjs generates from the JSON Schema.
import type { ErrorObject } from 'ajv'

export interface GeneratedValidator {
  (data: unknown): boolean
  errors?: ErrorObject[] | null
}
export declare const validate: GeneratedValidator
export default validate
