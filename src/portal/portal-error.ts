// Typed failures of portal calls: what failed, the HTTP status and the portal's status, never a body.

export type PortalErrorKind =
  | 'not-found' // 404 NOT_FOUND
  | 'conflict' // 409 ABORTED: the etag is stale
  | 'invalid' // 400 INVALID_ARGUMENT / FAILED_PRECONDITION
  | 'auth' // 401 / 403
  | 'rate-limited' // 429 after retries
  | 'unavailable' // 5xx, timeouts, network errors after retries, or the deadline
  | 'bad-response' // truncated, non-JSON or wrongly shaped body: never taken as an empty portal

export class PortalError extends Error {
  override name = 'PortalError'
  constructor(
    readonly kind: PortalErrorKind,
    /** What was being done, e.g. "read contact information of partner 10000001". */
    readonly operation: string,
    message: string,
    readonly httpStatus?: number,
    readonly portalStatus?: string,
  ) {
    super(`${operation}: ${message}`)
  }
}
