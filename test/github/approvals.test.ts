// Apply steps 1–2 against the stand-in GitHub: the merged PR behind a commit, and whether its approvals hold.
import { describe, expect, it } from 'vitest'
import { evaluateApprovals, type ApprovalPolicy } from '../../src/github/approvals.js'
import { ENGLISH, loadMessages } from '../../src/i18n/catalogue.js'
import { findMergedPullRequestForCommit, listPullRequestFiles, type MergedPullRequest } from '../../src/github/pull-request.js'
import type { ReviewSeed, RepoSeed, GitHubSeed } from '../helpers/github-server.js'
import { clientFor, gitHubFailure, serve, sha } from './helpers.js'

const HEAD = sha('final head')
const OLD = sha('older head')
const MERGE = sha('merge commit')
const BASE = sha('base before the PR')
const FILE = 'partners/eats/contacts.yaml'

function repoSeed(reviews: Array<Omit<ReviewSeed, 'pull'>>, extra: Partial<RepoSeed> = {}): RepoSeed {
  return {
    owner: 'acme',
    name: 'contacts',
    collaborators: { alice: 'write', bob: 'write', carol: 'maintain', dave: 'admin', erin: 'triage', 'deploy-app[bot]': 'write' },
    pulls: [{ number: 12, user: 'alice', headSha: HEAD, baseSha: BASE, mergeCommitSha: MERGE, files: [FILE, 'README.md'] }],
    reviews: reviews.map((r) => ({ pull: 12, ...r })),
    ...extra,
  }
}

async function setup(reviews: Array<Omit<ReviewSeed, 'pull'>>, extra: Partial<RepoSeed> = {}, seed: Partial<GitHubSeed> = {}) {
  const gh = await serve({ repos: [repoSeed(reviews, extra)], ...seed })
  const client = clientFor(gh)
  const pull = await findMergedPullRequestForCommit(client, 'acme', 'contacts', MERGE)
  if (!pull) throw new Error('the seeded PR was not found')
  // Reasons are messages (data); read here as the English a person sees, which is what these cases describe.
  const evaluate = async (policy: Partial<ApprovalPolicy> = {}) => {
    const result = await evaluateApprovals(client, { owner: 'acme', repo: 'contacts', pull, requiredApprovals: 1, ...policy })
    return { ...result, messages: result.reasons, reasons: result.reasons.map((r) => ENGLISH.format(r.id, r.values)) }
  }
  return { gh, client, pull, evaluate }
}

describe('findMergedPullRequestForCommit', () => {
  it('finds the one merged PR whose merge commit is the pushed commit, re-read from GET /pulls/{n}', async () => {
    const { gh, pull } = await setup([])
    expect(pull).toMatchObject<Partial<MergedPullRequest>>({ number: 12, authorLogin: 'alice', headSha: HEAD, baseSha: BASE, baseRef: 'main', mergeCommitSha: MERGE })
    expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /repos/acme/contacts/commits/${MERGE}/pulls`, 'GET /repos/acme/contacts/pulls/12'])
  })

  it('a direct push (no PR) → undefined', async () => {
    const gh = await serve({ repos: [repoSeed([])] })
    expect(await findMergedPullRequestForCommit(clientFor(gh), 'acme', 'contacts', sha('direct push'))).toBeUndefined()
  })

  it('ignores PRs that merely contain the commit, open PRs, and PRs merged into another branch when baseRef is given', async () => {
    const gh = await serve({
      repos: [repoSeed([], {
        pulls: [
          { number: 3, user: 'bob', headSha: MERGE }, // open, its head is the commit
          { number: 4, user: 'bob', headSha: sha('h4'), mergeCommitSha: sha('elsewhere') },
          { number: 5, user: 'bob', headSha: sha('h5'), mergeCommitSha: MERGE, baseRef: 'release' },
        ],
        commitPulls: { [MERGE]: [4] },
      })],
    })
    const client = clientFor(gh)
    expect(await findMergedPullRequestForCommit(client, 'acme', 'contacts', MERGE, { baseRef: 'main' })).toBeUndefined()
    expect((await findMergedPullRequestForCommit(client, 'acme', 'contacts', MERGE))?.number).toBe(5)
  })

  it('two merged PRs with the same merge commit → ambiguous, refused', async () => {
    const gh = await serve({
      repos: [repoSeed([], {
        pulls: [
          { number: 12, user: 'alice', headSha: HEAD, mergeCommitSha: MERGE },
          { number: 13, user: 'bob', headSha: sha('h13'), mergeCommitSha: MERGE },
        ],
      })],
    })
    const error = await gitHubFailure(findMergedPullRequestForCommit(clientFor(gh), 'acme', 'contacts', MERGE))
    expect(error.kind).toBe('ambiguous')
    expect(error.message).toContain('#13, #12')
  })

  it('an API failure is a GitHubError (fail closed), after retrying 5xx twice', async () => {
    const gh = await serve({ repos: [repoSeed([])] })
    gh.fail({ path: `/repos/acme/contacts/commits/${MERGE}/pulls`, status: 503, times: 3 })
    const error = await gitHubFailure(findMergedPullRequestForCommit(clientFor(gh), 'acme', 'contacts', MERGE))
    expect(error).toMatchObject({ kind: 'unavailable', status: 503 })
    expect(error.requestId).toBe('REQ-3')
    expect(gh.requests).toHaveLength(3)
  })

  it('recovers when a 5xx clears within the retries', async () => {
    const gh = await serve({ repos: [repoSeed([])] })
    gh.fail({ path: `/repos/acme/contacts/commits/${MERGE}/pulls`, status: 500, times: 2 })
    expect((await findMergedPullRequestForCommit(clientFor(gh), 'acme', 'contacts', MERGE))?.number).toBe(12)
  })
})

describe('listPullRequestFiles', () => {
  it('lists every changed file across pages (GitHub default page size 30 would hide some)', async () => {
    const files = Array.from({ length: 230 }, (_, i) => `partners/p${i}/contacts.yaml`)
    const gh = await serve({ repos: [repoSeed([], { pulls: [{ number: 12, user: 'alice', headSha: HEAD, mergeCommitSha: MERGE, files: [...files, { filename: 'new.yaml', status: 'renamed', previous_filename: 'old.yaml' }] }] })] })
    const listed = await listPullRequestFiles(clientFor(gh), 'acme', 'contacts', 12)
    expect(listed).toHaveLength(231)
    expect(listed.at(-1)).toEqual({ filename: 'new.yaml', status: 'renamed', previousFilename: 'old.yaml' })
    expect(gh.requests.filter((r) => r.path.endsWith('/files')).map((r) => r.query['page'] ?? '1')).toEqual(['1', '2', '3'])
  })
})

describe('evaluateApprovals', () => {
  it('an approval on the final head from another collaborator → ok', async () => {
    const { evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }])
    const result = await evaluate()
    expect(result).toMatchObject({ ok: true, counted: 1, required: 1, reasons: [] })
    expect(result.approvals).toEqual([expect.objectContaining({ login: 'bob', state: 'APPROVED', counted: true, commitId: HEAD })])
  })

  it('nobody reviewed → refused', async () => {
    const { evaluate } = await setup([])
    const result = await evaluate()
    expect(result.ok).toBe(false)
    expect(result.reasons).toEqual(['nobody reviewed the pull request', `0 of 1 required approval on the final head ${HEAD.slice(0, 7)}`])
    expect(result.messages).toEqual([{ id: 'approval.nobody' }, { id: 'approval.counted', values: { counted: 0, required: 1, head: HEAD.slice(0, 7) } }])
    const zh = await loadMessages('zh-TW')
    expect(result.messages.map((r) => zh.format(r.id, r.values))).toEqual(['沒有人審查這個提取要求', `最終提交 ${HEAD.slice(0, 7)} 上只有 0 個核准，需要 1 個`])
  })

  it('only the author approved → refused', async () => {
    const { evaluate } = await setup([{ user: 'alice', state: 'APPROVED', commitId: HEAD }, { user: 'bob', state: 'COMMENTED', commitId: HEAD }])
    const result = await evaluate()
    expect(result.ok).toBe(false)
    expect(result.reasons[0]).toBe('only the author approved')
    expect(result.approvals).toEqual([expect.objectContaining({ login: 'alice', counted: false, why: { id: 'approval.why.author' } })])
  })

  it('the author is recognised whatever the case of the login', async () => {
    const { evaluate } = await setup([{ user: 'ALICE', state: 'APPROVED', commitId: HEAD }])
    expect((await evaluate()).reasons[0]).toBe('only the author approved')
  })

  it('an approval on an older commit → refused, naming both commits', async () => {
    const { evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: OLD }])
    const result = await evaluate()
    expect(result.ok).toBe(false)
    expect(result.reasons).toContain(`@bob's approval was on an older commit ${OLD.slice(0, 7)}, the PR's final head is ${HEAD.slice(0, 7)}`)
  })

  it('a re-approval on the final head after an older approval counts', async () => {
    const { evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: OLD }, { user: 'bob', state: 'APPROVED', commitId: HEAD }])
    expect((await evaluate()).ok).toBe(true)
  })

  it('CHANGES_REQUESTED after APPROVED cancels the approval, and blocks even when another approval exists', async () => {
    const { evaluate } = await setup([
      { user: 'bob', state: 'APPROVED', commitId: HEAD },
      { user: 'carol', state: 'APPROVED', commitId: HEAD },
      { user: 'bob', state: 'CHANGES_REQUESTED', commitId: HEAD },
      { user: 'bob', state: 'COMMENTED', commitId: HEAD }, // a comment afterwards does not lift it
    ])
    const result = await evaluate()
    expect(result.ok).toBe(false)
    expect(result.counted).toBe(1)
    expect(result.reasons).toEqual(['changes requested by @bob after approval'])
  })

  it('APPROVED after CHANGES_REQUESTED counts (the latest word wins)', async () => {
    const { evaluate } = await setup([{ user: 'bob', state: 'CHANGES_REQUESTED', commitId: OLD }, { user: 'bob', state: 'APPROVED', commitId: HEAD }])
    expect((await evaluate()).ok).toBe(true)
  })

  it('a dismissed approval does not count', async () => {
    const { evaluate } = await setup([{ user: 'bob', state: 'DISMISSED', commitId: HEAD }])
    const result = await evaluate()
    expect(result.ok).toBe(false)
    expect(result.approvals[0]).toMatchObject({ state: 'DISMISSED', why: { id: 'approval.why.dismissed', values: { login: 'bob' } } })
  })

  it('a change request from a drive-by reader does not block; their approval does not count either', async () => {
    const { evaluate } = await setup([
      { user: 'bob', state: 'APPROVED', commitId: HEAD },
      { user: 'stranger', state: 'CHANGES_REQUESTED', commitId: HEAD },
      { user: 'passerby', state: 'APPROVED', commitId: HEAD },
      { user: 'erin', state: 'APPROVED', commitId: HEAD }, // triage folds into read
    ])
    const result = await evaluate({ requiredApprovals: 2 })
    expect(result.ok).toBe(false)
    expect(result.reasons).toEqual([
      '@passerby does not have write access to acme/contacts',
      '@erin does not have write access to acme/contacts',
      `1 of 2 required approvals on the final head ${HEAD.slice(0, 7)}`,
    ])
    expect((await evaluate({ requiredApprovals: 1 })).ok).toBe(true)
    // Without the write-access check, the stranger's change request is someone's last word again, and blocks.
    expect((await evaluate({ requiredApprovals: 2, requireWriteAccess: false })).reasons).toEqual(['changes requested by @stranger'])
  })

  it('a bot approval counts only when approvers names the bot', async () => {
    const { evaluate } = await setup([{ user: 'deploy-app[bot]', state: 'APPROVED', commitId: HEAD }])
    expect((await evaluate()).reasons).toContain("@deploy-app[bot] is a bot; a bot's approval counts only when approvers names it")
    expect((await evaluate({ approvers: ['deploy-app[bot]'] })).ok).toBe(true)
  })

  it('required-approvals 2 needs two distinct reviewers; two reviews by one person count once', async () => {
    const { evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }, { user: 'bob', state: 'APPROVED', commitId: HEAD }])
    expect(await evaluate({ requiredApprovals: 2 })).toMatchObject({ ok: false, counted: 1 })
  })

  it('reads every page of reviews: the decisive change request is on page 2', async () => {
    const chatter = Array.from({ length: 40 }, () => ({ user: 'carol', state: 'COMMENTED' as const, commitId: HEAD }))
    const { gh, evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }, ...chatter, ...chatter, ...chatter, { user: 'bob', state: 'CHANGES_REQUESTED', commitId: HEAD }])
    const result = await evaluate()
    expect(result.reasons).toContain('changes requested by @bob after approval')
    expect(gh.requests.filter((r) => r.path.endsWith('/reviews')).map((r) => [r.query['per_page'], r.query['page'] ?? '1'])).toEqual([['100', '1'], ['100', '2']])
  })

  describe('approval freshness (planPublishedAt)', () => {
    const PUBLISHED = '2026-11-20T12:00:00.000Z'
    it('counts an approval submitted after the plan was published, not one before or at that moment, and names the old one', async () => {
      const { evaluate } = await setup([
        { user: 'bob', state: 'APPROVED', commitId: HEAD, submittedAt: '2026-11-20T11:59:00Z' },
        { user: 'carol', state: 'APPROVED', commitId: HEAD, submittedAt: '2026-11-20T12:00:00Z' },
      ])
      const result = await evaluate({ planPublishedAt: PUBLISHED })
      expect(result.ok).toBe(false)
      expect(result.approvals.map((a) => [a.login, a.counted, a.tooOld])).toEqual([['bob', false, true], ['carol', false, true]])
      expect(result.reasons).toContain(`@bob's approval (2026-11-20T11:59:00Z) is older than the plan it must cover, first published ${PUBLISHED}: approve again after reading the current plan`)
      const { evaluate: later } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD, submittedAt: '2026-11-20T12:00:01Z' }])
      expect((await later({ planPublishedAt: PUBLISHED })).ok).toBe(true)
    })

    it('says which approvals were too old even when another reason refuses (code owners)', async () => {
      const { evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD, submittedAt: '2026-11-20T11:00:00Z' }, { user: 'carol', state: 'APPROVED', commitId: HEAD, submittedAt: '2026-11-20T13:00:00Z' }], { files: { '.github/CODEOWNERS': `${FILE} @bob\n` } })
      const result = await evaluate({ planPublishedAt: PUBLISHED, approvers: 'codeowners', changedFiles: [FILE] })
      expect(result.ok).toBe(false)
      expect(result.reasons.some((r) => r.startsWith("@bob's approval (2026-11-20T11:00:00Z) is older than the plan"))).toBe(true)
    })

    it('an unreadable publication time fails closed: no approval counts', async () => {
      const { evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD, submittedAt: '2030-01-01T00:00:00Z' }])
      expect((await evaluate({ planPublishedAt: 'yesterday' })).ok).toBe(false)
    })
  })

  describe('approvers list', () => {
    it('only listed logins count (case-insensitive, @ optional)', async () => {
      const { evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }])
      expect((await evaluate({ approvers: ['@Bob'] })).ok).toBe(true)
      const refused = await evaluate({ approvers: ['carol', 'dave'] })
      expect(refused.ok).toBe(false)
      expect(refused.reasons).toContain('@bob is not among the approvers')
    })

    it('@org/team entries are checked with the team membership API', async () => {
      const { gh, evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }], {}, { teams: { 'acme/contacts-owners': ['bob'] } })
      expect((await evaluate({ approvers: ['@acme/contacts-owners'] })).ok).toBe(true)
      expect(gh.requests.some((r) => r.path === '/orgs/acme/teams/contacts-owners/memberships/bob')).toBe(true)
      const other = await evaluate({ approvers: ['@acme/legal'] })
      expect(other.ok).toBe(false)
      expect(other.reasons[0]).toMatch(/^@bob is not among the approvers; team membership is checked with the token/)
    })

    it('a 403 on team membership is a GitHubError, not "not a member"', async () => {
      const { gh, evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }])
      gh.fail({ path: /\/memberships\//, status: 403, body: { message: 'Resource not accessible by integration' } })
      const error = await gitHubFailure(evaluate({ approvers: ['@acme/contacts-owners'] }))
      expect(error.kind).toBe('auth')
      expect(error.message).toContain('organisation members')
    })

    it('nonsense entries refuse with a reason', async () => {
      const { evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }])
      const result = await evaluate({ approvers: ['bob', 'not a login!'] })
      expect(result.ok).toBe(false)
      expect(result.reasons[0]).toContain('"not a login!"')
    })
  })

  describe('codeowners', () => {
    const CODEOWNERS = ['# contacts', '*                 @acme/platform', '/partners/         @dave', '/partners/eats/    @bob @acme/eats-team', 'partners/**/README.md'].join('\n')

    it('each changed file needs an approval from one of its owners (last match wins)', async () => {
      const { evaluate } = await setup([{ user: 'dave', state: 'APPROVED', commitId: HEAD }], { files: { '.github/CODEOWNERS': CODEOWNERS } })
      const result = await evaluate({ approvers: 'codeowners', changedFiles: [FILE] })
      expect(result.ok).toBe(false)
      expect(result.codeownersPath).toBe('.github/CODEOWNERS')
      expect(result.reasons).toContain('@dave is not a code owner of the changed files')
      expect(result.reasons).toContain(`no approval from a code owner of ${FILE} (owners: @bob, @acme/eats-team; team membership is checked with the token, which must be able to read the organisation's teams)`)
    })

    it('an owner by login, or through a team, satisfies the file', async () => {
      const { evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }], { files: { CODEOWNERS } })
      expect(await evaluate({ approvers: 'codeowners', changedFiles: [FILE] })).toMatchObject({ ok: true, codeownersPath: 'CODEOWNERS' })
      const viaTeam = await setup([{ user: 'carol', state: 'APPROVED', commitId: HEAD }], { files: { 'docs/CODEOWNERS': CODEOWNERS } }, { teams: { 'acme/eats-team': ['carol'] } })
      const result = await viaTeam.evaluate({ approvers: 'codeowners', changedFiles: [FILE] })
      expect(result).toMatchObject({ ok: true, codeownersPath: 'docs/CODEOWNERS' })
      expect(result.approvals[0]!.owns).toEqual([FILE])
    })

    it('two files with different owners need both owners', async () => {
      const other = 'partners/rides/contacts.yaml'
      const { evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }], { files: { CODEOWNERS } })
      const result = await evaluate({ approvers: 'codeowners', changedFiles: [FILE, other] })
      expect(result.ok).toBe(false)
      expect(result.reasons).toEqual([`no approval from a code owner of ${other} (owners: @dave)`])
    })

    it('is read at the base commit: a PR that adds its author\'s friend to CODEOWNERS gains nothing', async () => {
      const { gh, evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }], {
        files: { CODEOWNERS: `/partners/ @bob` }, // what the PR merged
        filesAt: { [BASE]: { CODEOWNERS: '/partners/ @dave' } }, // the base branch before it
      })
      const result = await evaluate({ approvers: 'codeowners', changedFiles: [FILE] })
      expect(result.ok).toBe(false)
      expect(gh.requests.find((r) => r.path.includes('/contents/'))?.query['ref']).toBe(BASE)
    })

    it('the first location GitHub uses wins: .github/ before the root', async () => {
      const { evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }], { files: { '.github/CODEOWNERS': '* @dave', CODEOWNERS: '* @bob' } })
      expect((await evaluate({ approvers: 'codeowners', changedFiles: [FILE] })).ok).toBe(false)
    })

    it('no CODEOWNERS, or a file nobody owns → refused', async () => {
      const none = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }])
      expect((await none.evaluate({ approvers: 'codeowners', changedFiles: [FILE] })).reasons[0]).toMatch(/^approvers is "codeowners" but there is no CODEOWNERS file/)
      const unowned = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }], { files: { CODEOWNERS: '/partners/ @bob\n/partners/eats/' } })
      expect((await unowned.evaluate({ approvers: 'codeowners', changedFiles: [FILE] })).reasons).toContain(`${FILE} has no code owner in CODEOWNERS`)
    })
  })

  describe('fail closed', () => {
    it('a 500 on every try while listing reviews → GitHubError, never "no reviews"', async () => {
      const { gh, evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }])
      gh.fail({ path: '/repos/acme/contacts/pulls/12/reviews', status: 500, times: 3 })
      const error = await gitHubFailure(evaluate())
      expect(error).toMatchObject({ kind: 'unavailable', operation: 'list the reviews of pull request #12 in acme/contacts' })
    })

    it('a failure on page 2 of the reviews → GitHubError (no judgement on half a list)', async () => {
      const chatter = Array.from({ length: 120 }, () => ({ user: 'carol', state: 'COMMENTED' as const, commitId: HEAD }))
      const { gh, evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }, ...chatter])
      gh.fail({ path: '/repos/acme/contacts/pulls/12/reviews', query: { page: '2' }, status: 502, times: 3 })
      const error = await gitHubFailure(evaluate())
      expect(error.kind).toBe('unavailable')
      expect(gh.requests.filter((r) => r.path.endsWith('/reviews')).map((r) => r.query['page'] ?? '1')).toEqual(['1', '2', '2', '2'])
    })

    it('a rate limit while checking permissions → GitHubError rate-limited', async () => {
      const { gh, evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }])
      gh.failRateLimit(/\/permission$/, { times: 5 })
      const error = await gitHubFailure(evaluate())
      expect(error.kind).toBe('rate-limited')
    })

    it('a truncated JSON answer → GitHubError, not an empty list', async () => {
      const { gh, evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }])
      gh.fail({ path: '/repos/acme/contacts/pulls/12/reviews', kind: 'bad-json', times: 3 })
      await expect(evaluate()).rejects.toMatchObject({ name: 'GitHubError' })
    })

    it('a dropped connection → GitHubError unavailable', async () => {
      const { gh, evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }])
      gh.fail({ path: '/repos/acme/contacts/pulls/12/reviews', kind: 'drop', times: 3 })
      expect((await gitHubFailure(evaluate())).kind).toBe('unavailable')
    })

    it('a CODEOWNERS read failing with 500 → GitHubError, not "no CODEOWNERS"', async () => {
      const { gh, evaluate } = await setup([{ user: 'bob', state: 'APPROVED', commitId: HEAD }], { files: { CODEOWNERS: '* @bob' } })
      gh.fail({ path: /\/contents\/\.github(%2F|\/)CODEOWNERS$/, status: 500, times: 3 })
      expect((await gitHubFailure(evaluate({ approvers: 'codeowners', changedFiles: [FILE] }))).kind).toBe('unavailable')
    })
  })
})
