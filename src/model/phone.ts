// Phone numbers to E.164 for the portal (`+39 02 1234 5678` → `+390212345678`).
import { parsePhoneNumberFromString } from 'libphonenumber-js/min'

/** The E.164 form, or undefined when the number cannot be parsed at all. */
export function toE164(phone: string): string | undefined {
  const parsed = parsePhoneNumberFromString(phone)
  return parsed?.number
}
