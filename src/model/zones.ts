// IANA time zones: is a name a zone, and what is its canonical IANA name (`US/Eastern` → `America/New_York`).
import ct from 'countries-and-timezones'

export type ZoneCheck =
  | { ok: true; canonical: string; isCanonical: boolean }
  | { ok: false }

let byLowerCase: Map<string, string> | undefined

/**
 * Uses the IANA database's own link table (through countries-and-timezones) rather than ICU's,
 * which keeps CLDR names such as Asia/Calcutta that IANA calls legacy.
 */
export function checkZone(zone: string): ZoneCheck {
  const exact = ct.getTimezone(zone)
  if (exact) {
    const canonical = exact.aliasOf ?? exact.name
    return runtimeKnows(canonical) || runtimeKnows(zone) ? { ok: true, canonical, isCanonical: canonical === zone } : { ok: false }
  }
  byLowerCase ??= new Map(Object.keys(ct.getAllTimezones({ deprecated: true })).map((name) => [name.toLowerCase(), name]))
  const spelled = byLowerCase.get(zone.toLowerCase())
  if (spelled) {
    const match = ct.getTimezone(spelled)!
    return { ok: true, canonical: match.aliasOf ?? match.name, isCanonical: false }
  }
  // A zone newer than the library's data: trust the runtime, but only for Area/Location names.
  if (/^[A-Z][A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(zone) && runtimeKnows(zone)) return { ok: true, canonical: zone, isCanonical: true }
  return { ok: false }
}

/** Every zone name the library knows, canonical and linked: what an unknown name is compared with for a suggestion. */
export function zoneNames(): string[] {
  return Object.keys(ct.getAllTimezones({ deprecated: true }))
}

/** Creating a DateTimeFormat costs a third of a millisecond: once per zone per process, not per file. */
/** Zones that are UTC by definition: every runtime knows them (ECMA-402), so no Intl.DateTimeFormat (and its locale data) is created for them. */
export const UTC_ZONES: ReadonlySet<string> = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0', 'Etc/Greenwich', 'Etc/UCT', 'Etc/Universal', 'Etc/Zulu', 'GMT', 'UCT', 'Universal', 'Zulu', 'Greenwich'])

/** ICU's zone list: asking it loads no locale data, where the first Intl.DateTimeFormat costs a third of a `node -e 0`. */
let icuZones: Set<string> | undefined

/** A DateTimeFormat is created only for a name outside ICU's list (a link such as Asia/Kolkata): once per zone per process. */
const known = new Map<string, boolean>()

function runtimeKnows(zone: string): boolean {
  if (UTC_ZONES.has(zone)) return true
  icuZones ??= new Set(Intl.supportedValuesOf('timeZone'))
  if (icuZones.has(zone)) return true
  let ok = known.get(zone)
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone })
      ok = true
    } catch {
      ok = false
    }
    known.set(zone, ok)
  }
  return ok
}
