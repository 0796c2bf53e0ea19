import { createHash } from 'node:crypto'
import { DateTime, Duration } from 'luxon'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import { SessionCollection } from '@adonisjs/session'
import type User from '#models/user'

/**
 * The sessions of an account, kept on the server by the framework's session store and
 * tagged with the account at login: listed on the account's page, ended at logout, and
 * all ended (every other one, or every one) when the password, the role or the access
 * changes. A session carries the account's session generation at its login; the model
 * ends sessions by moving the account to a new one (User#endSessions), so that a session
 * of an older generation is refused even if a request in flight wrote it back; the store
 * then forgets them (dropEndedSessions).
 */

/** A session ends 12 hours after its login, however active it is. */
export const SESSION_LIFETIME = { hours: 12 }

/** How often a session's last activity is written down (each request would rewrite it). */
const SEEN_EVERY_MS = 5 * 60_000

/** What a session keeps about the login it holds. */
export type SignIn = {
  /** When the account logged in (milliseconds). */
  at: number
  /** The account's session generation then. */
  generation: number
  /** The client's address and browser then. */
  ip: string
  agent: string
  /** Its last request, to the nearest five minutes. */
  seenAt: number
}

/** One open session as its owner sees it on the account's page. */
export type OpenSession = {
  /** A stable name for it that reveals nothing of the session's id (the cookie's value). */
  key: string
  current: boolean
  signedInAt: DateTime
  seenAt: DateTime
  ip: string
  device: { browser: string | null; system: string | null }
}

/** The browser and system a User-Agent names, or null for one not recognised. */
export function describeAgent(agent: string) {
  const browsers: [RegExp, string][] = [
    [/Edg(e|A|iOS)?\//, 'Edge'],
    [/OPR\/|Opera/, 'Opera'],
    [/Firefox\/|FxiOS\//, 'Firefox'],
    [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
    [/Version\/[\d.]+.*Safari\//, 'Safari'],
  ]
  const systems: [RegExp, string][] = [
    [/Android/, 'Android'],
    [/iPhone|iPad|iPod/, 'iOS'],
    [/Windows/, 'Windows'],
    [/Mac OS X|Macintosh/, 'macOS'],
    [/CrOS/, 'ChromeOS'],
    [/Linux|X11/, 'Linux'],
  ]
  return {
    browser: browsers.find(([pattern]) => pattern.test(agent))?.[1] ?? null,
    system: systems.find(([pattern]) => pattern.test(agent))?.[1] ?? null,
  }
}

/** A name for a session id that can be shown and sent back (never the id itself). */
function keyOf(sessionId: string) {
  return createHash('sha256').update(sessionId).digest('base64url').slice(0, 16)
}

async function collection() {
  return app.container.make(SessionCollection)
}

/**
 * Logs the account in on a new session (a new id: a session id known before the login is
 * worth nothing after it), notes the login and tags the session with the account.
 */
export async function signIn(ctx: HttpContext, user: User) {
  await ctx.auth.use('web').login(user)
  ctx.session.forget('signIn')
  stamp(ctx, user)
  await ctx.session.tag(String(user.id))
}

/**
 * Writes the login down in the session: when (kept when the session moves to a new
 * generation: its lifetime still counts from the login), from where, the generation.
 */
function stamp(ctx: HttpContext, user: User) {
  const now = Date.now()
  const previous = ctx.session.get('signIn') as SignIn | undefined
  ctx.session.put('signIn', {
    at: previous?.at ?? now,
    generation: user.sessionGeneration,
    ip: ctx.request.ip(),
    agent: String(ctx.request.header('user-agent') ?? '').slice(0, 300),
    seenAt: now,
  } satisfies SignIn)
}

/** Logs out: the session's id is replaced, its former id (a copied cookie) is worth nothing. */
export async function signOut(ctx: HttpContext) {
  const user = ctx.auth.user
  await ctx.auth.use('web').logout()
  ctx.session.forget('signIn')
  if (user) await ctx.session.untag(String(user.id))
  ctx.session.regenerate()
}

/**
 * Why the request's session may no longer act for its account, if so: the account's
 * sessions were ended since its login ("ended"), or the login is older than the
 * session's lifetime ("expired"). Sessions made by the tests' loginAs carry no login.
 * A session that may go on has its last activity noted (every five minutes at most).
 */
export function sessionProblem(ctx: HttpContext, user: User, now = Date.now()) {
  const signedIn = ctx.session.get('signIn') as SignIn | undefined
  if (!signedIn) return null
  if (signedIn.generation !== user.sessionGeneration) return 'ended' as const
  if (now - signedIn.at > Duration.fromObject(SESSION_LIFETIME).toMillis()) {
    return 'expired' as const
  }
  if (now - signedIn.seenAt > SEEN_EVERY_MS) ctx.session.put('signIn', { ...signedIn, seenAt: now })
  return null
}

/** The account's open sessions, the request's own first, then the most recently active. */
export async function openSessions(ctx: HttpContext, user: User): Promise<OpenSession[]> {
  const store = await collection()
  const sessions = await store.tagged(String(user.id))
  return sessions
    .map(({ id, data }) => ({ id, signedIn: data.signIn as SignIn | undefined, data }))
    .filter(
      (entry): entry is typeof entry & { signedIn: SignIn } =>
        !!entry.signedIn &&
        entry.signedIn.generation === user.sessionGeneration &&
        String(entry.data.auth_web) === String(user.id)
    )
    .map(({ id, signedIn }) => ({
      key: keyOf(id),
      current: id === ctx.session.sessionId,
      signedInAt: DateTime.fromMillis(signedIn.at),
      seenAt: DateTime.fromMillis(signedIn.seenAt),
      ip: signedIn.ip,
      device: describeAgent(signedIn.agent),
    }))
    .sort(
      (a, b) => Number(b.current) - Number(a.current) || b.seenAt.toMillis() - a.seenAt.toMillis()
    )
}

/** The account's session generation a session was opened in (0 before any was recorded). */
function generationOf(data: Record<string, unknown> | undefined) {
  return (data?.signIn as SignIn | undefined)?.generation ?? 0
}

/**
 * Carries out, after the commit, an end of sessions the account's model recorded in its
 * transaction (User#endSessions: a new generation, which the auth middleware already
 * enforces): the store forgets the account's sessions of an older generation, and the
 * request's own session, when it is the account's, goes on in the new generation under a
 * new id. Harmless when no session ended.
 */
export async function dropEndedSessions(user: User, ctx?: HttpContext) {
  const sessions = await collection()
  const own = ctx && ctx.auth.user?.id === user.id ? ctx.session.sessionId : null
  for (const { id, data } of await sessions.tagged(String(user.id))) {
    if (id !== own && generationOf(data) !== user.sessionGeneration) await sessions.destroy(id)
  }
  if (own && ctx && generationOf(ctx.session.all()) !== user.sessionGeneration) {
    ctx.session.regenerate()
    stamp(ctx, user)
    await ctx.session.tag(String(user.id))
  }
}
