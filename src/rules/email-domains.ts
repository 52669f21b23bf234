// Domain matching for the option lists of paging and free-mail domains.

export function domainOf(email: string): string {
  const at = email.lastIndexOf('@')
  return at === -1 ? '' : email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '')
}

/** What may follow `yahoo.` in `yahoo.*`: a public suffix such as com, fr, co.jp or com.tw. */
const SUFFIX = /^[a-z]{2,3}(\.[a-z]{2})?$/

/**
 * `pattern` is a domain (`gmail.com`), or a name with a country or generic suffix (`yahoo.*`:
 * yahoo.com, yahoo.co.jp, but not yahoo.example.com). With `subdomains`, `pagerduty.com` also
 * matches `example.pagerduty.com`.
 */
export function matchesDomain(domain: string, pattern: string, mode: 'exact' | 'subdomains' = 'exact'): boolean {
  const p = pattern.trim().toLowerCase()
  if (p.endsWith('.*')) {
    const stem = p.slice(0, -1)
    return domain.startsWith(stem) && SUFFIX.test(domain.slice(stem.length))
  }
  return domain === p || (mode === 'subdomains' && domain.endsWith(`.${p}`))
}
