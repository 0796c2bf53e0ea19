import { randomBytes } from 'node:crypto'
import { cpus } from 'node:os'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import mysql from 'mysql2/promise'
import Database from 'better-sqlite3'
import {
  BENCH_ACCOUNTS,
  BENCH_BOOKERS,
  BENCH_BOOKING_TITLE,
  BENCH_CALENDAR_TOKEN,
  BENCH_PASSWORD,
} from '#tests/bench/dataset/accounts'
import {
  buildApp,
  runNode,
  startEmailWorker,
  startInstance,
  Visitor,
  type Instance,
} from '#tests/support/instances'
import { load, table, type Measure, type Target } from '#tests/bench/load'
import { hhmm } from '#domain/local_time'

/**
 * The benchmark run behind `node ace bench`: datasets at 1× and 10×, one built server
 * in production mode per step, autocannon against the key pages, a table and JSON.
 */

type Options = {
  sqlite: boolean
  seconds: number
  connections: number[]
  reuse: boolean
  build: boolean
  growth: boolean
  only?: string
  log: (message: string) => void
}

/** Plain SQL against the benchmark database, from outside the app. */
type Sql = { query: (sql: string) => Promise<any[]>; close: () => Promise<void> }

const PORTS = { counting: 3361, load: 3362, tenfold: 3363 }

/**
 * The email worker as docs/production.md deploys it: at the lowest priority, so that it sends
 * when the web process leaves a core idle (the backlog after each booking run is reported).
 */
const WORKER_ARGS = ['--nice=19', '--every=250']

/** Runs an ace command of the built app, in production mode unless told otherwise. */
function ace(root: string, args: string[], env: Record<string, string>) {
  return runNode(join(root, 'build'), ['ace', ...args], {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '3360',
    LOG_LEVEL: 'warn',
    ...env,
  })
}

/** The MySQL client options of a dataset's environment (without a database: to create it). */
function mysqlOptions(env: Record<string, string>, withDatabase = true) {
  return {
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USER,
    password: env.DB_PASSWORD,
    ...(withDatabase ? { database: env.DB_DATABASE } : {}),
  }
}

/** The running app's answer to the benchmark's questions, on MySQL or SQLite. */
async function sqlFor(root: string, env: Record<string, string>): Promise<Sql> {
  if (env.DB_CONNECTION === 'sqlite') {
    const file = new Database(join(root, 'build/tmp', env.SQLITE_FILE))
    return {
      query: async (sql) =>
        /^\s*select/i.test(sql) ? file.prepare(sql).all() : (file.prepare(sql).run(), []),
      close: async () => void file.close(),
    }
  }
  const connection = await mysql.createConnection(mysqlOptions(env))
  return {
    query: async (sql) => {
      const [rows] = await connection.query(sql)
      return rows as any[]
    },
    close: () => connection.end(),
  }
}

/** The database settings of a dataset: its own MySQL database or SQLite file. */
function databaseEnv(sqlite: boolean, scale: number): Record<string, string> {
  const suffix = scale === 1 ? '' : `_${scale}x`
  if (sqlite) return { DB_CONNECTION: 'sqlite', SQLITE_FILE: `bench${suffix}.sqlite3` }
  return {
    DB_CONNECTION: 'mysql',
    DB_HOST: process.env.DB_HOST ?? '127.0.0.1',
    DB_PORT: process.env.DB_PORT ?? '3306',
    DB_USER: process.env.DB_USER ?? 'root',
    DB_PASSWORD: process.env.DB_PASSWORD ?? '',
    DB_DATABASE: `pepiniere_bench${suffix}`,
  }
}

/**
 * Migrates a fresh database and writes the dataset into it, unless --reuse finds it
 * already there (then only the bookings of an earlier run are removed).
 */
async function prepare(root: string, scale: number, env: Record<string, string>, options: Options) {
  if (env.DB_CONNECTION === 'mysql') {
    const admin = await mysql.createConnection(mysqlOptions(env, false))
    await admin.query(
      `CREATE DATABASE IF NOT EXISTS \`${env.DB_DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
    )
    await admin.end()
  }
  if (options.reuse) {
    const sql = await sqlFor(root, env)
    try {
      const [{ total }] = await sql.query('select count(*) as total from companies')
      if (Number(total) === 1000 * scale) {
        await ace(root, ['migration:run', '--force'], env)
        await sql.query(
          `delete from booked_slots where booking_id in (select id from bookings where title = '${BENCH_BOOKING_TITLE}')`
        )
        await sql.query(`delete from bookings where title = '${BENCH_BOOKING_TITLE}'`)
        await sql.query('delete from outgoing_emails')
        options.log(`dataset ${scale}× reused`)
        return
      }
    } catch {
      // Not there yet: made below.
    } finally {
      await sql.close()
    }
  }
  options.log(`dataset ${scale}×: migrating and writing (${env.DB_CONNECTION})`)
  await ace(root, ['migration:fresh', '--force'], env)
  await ace(root, ['bench:data', `--scale=${scale}`], env)
}

/**
 * Logs in one visitor per role on an instance, and the tenants who book (each with the
 * CSRF token of its session).
 */
async function sessions(instance: Instance) {
  const login = async (email: string) => {
    const visitor = new Visitor()
    const answer = await visitor.submit(instance.url, '/login', '/login', {
      email,
      password: BENCH_PASSWORD,
    })
    if (answer.status !== 302 || answer.location !== '/') {
      throw new Error(`login of ${email} failed (${answer.status} ${answer.location})`)
    }
    return visitor
  }
  const manager = await login(BENCH_ACCOUNTS.manager)
  const official = await login(BENCH_ACCOUNTS.official)
  const bookers = []
  for (const email of BENCH_BOOKERS) {
    const tenant = await login(email)
    const form = await tenant.request(instance.url, '/bookings/create')
    const csrf = /name=['"]_csrf['"] value=['"]([^'"]+)['"]/.exec(form.text)?.[1]
    if (!csrf) throw new Error(`no CSRF token on /bookings/create for ${email}`)
    bookers.push({ cookie: tenant.cookieHeader(), csrf })
  }
  return { manager: manager.cookieHeader(), official: official.cookieHeader(), bookers }
}

/** The same form as a booking's (CSRF token included), sent by each tenant in turn. */
function formsOf(bookers: { cookie: string; csrf: string }[]) {
  let sent = 0
  return () => {
    const booker = bookers[sent++ % bookers.length]
    const form = new URLSearchParams({
      _csrf: booker.csrf,
      meetingRoomId: '1',
      date: '2030-01-07',
      startTime: '10:00',
      endTime: '10:30',
      title: BENCH_BOOKING_TITLE,
      attendees: '2',
    }).toString()
    return { form, headers: { cookie: booker.cookie } }
  }
}

/**
 * Free half-hour slots of the three first rooms, weekdays 08:00–19:00 Paris time, from
 * ten weeks ahead (the dataset books up to six weeks ahead) until the rooms' 240 days.
 */
function freeSlots(bookers: { cookie: string; csrf: string }[]) {
  const today = DateTime.now().setZone('Europe/Paris').startOf('day')
  let day = today.plus({ weeks: 10 }).startOf('week')
  const last = today.plus({ days: 235 })
  let room = 1
  let minutes = 8 * 60
  let made = 0
  return () => {
    if (day > last) return null
    const booker = bookers[made++ % bookers.length]
    const form = new URLSearchParams({
      _csrf: booker.csrf,
      meetingRoomId: String(room),
      date: day.toISODate()!,
      startTime: hhmm(minutes),
      endTime: hhmm(minutes + 30),
      title: BENCH_BOOKING_TITLE,
      attendees: '2',
    }).toString()
    // The next room, else the next half-hour, else the next weekday.
    room += 1
    if (room > 3) {
      room = 1
      minutes += 30
    }
    if (minutes + 30 > 19 * 60) {
      minutes = 8 * 60
      day = day.plus({ days: day.weekday === 5 ? 3 : 1 })
    }
    return { form, headers: { cookie: booker.cookie } }
  }
}

/** A target whose requests use up something (free slots) that a new run starts again. */
type Measured = Target & { restart?: () => void }

/** The pages measured, each as the role that uses it, and the ceiling. */
function targetsFor(cookies: Awaited<ReturnType<typeof sessions>>): Measured[] {
  const today = DateTime.now().setZone('Europe/Paris')
  const html = { accept: 'text/html' }
  const page = (name: string, path: string, cookie: string | null): Target => ({
    name,
    method: 'GET',
    path,
    headers: cookie ? { ...html, cookie } : html,
    ok: (status) => status === 200,
  })
  return [
    page('ceiling (no work)', '/bench/ceiling', cookies.manager),
    page('building plan', '/', cookies.manager),
    page('allocation timeline', '/timeline', cookies.manager),
    page(
      'company list (filtered)',
      '/companies?status=alumni&sector=software&q=lab',
      cookies.manager
    ),
    page('room week view', `/meeting-rooms/1?week=${today.toISODate()}`, cookies.manager),
    page('dashboard (today)', '/dashboard', cookies.official),
    page(
      'dashboard (5 years ago)',
      `/dashboard?on=${today.minus({ years: 5 }).toISODate()}`,
      cookies.official
    ),
    page('rent roll', '/rent-roll', cookies.manager),
    page('rent roll CSV', '/rent-roll.csv', cookies.manager),
    page('iCal feed', `/calendar/${BENCH_CALENDAR_TOKEN}/bookings.ics`, null),
    {
      // What any form costs before its work: the floor of the booking creation below.
      name: 'ceiling, form (POST, no work)',
      method: 'POST',
      path: '/bench/ceiling',
      headers: {
        ...html,
        'content-type': 'application/x-www-form-urlencoded',
      },
      ok: (status, location) => status === 302 && location === '/bench/ceiling',
      body: formsOf(cookies.bookers),
    },
    {
      name: 'booking creation (POST)',
      method: 'POST',
      path: '/bookings',
      headers: {
        ...html,
        'content-type': 'application/x-www-form-urlencoded',
      },
      ok: (status, location) => status === 302 && Boolean(location?.startsWith('/meeting-rooms/')),
      body: freeSlots(cookies.bookers),
      restart() {
        this.body = freeSlots(cookies.bookers)
      },
    },
  ]
}

/**
 * The SQL queries of each target on a COUNT_QUERIES instance: to make the page (its first
 * request) and to serve it kept by the page cache (the same request again).
 */
async function queriesPerRequest(instance: Instance, targets: Target[]) {
  const counts: Record<string, { made: number; kept: number | null }> = {}
  const ask = async (target: Target) => {
    const next = target.body?.()
    const response = await fetch(`${instance.url}${target.path}`, {
      method: target.method,
      headers: { ...target.headers, ...next?.headers },
      body: next?.form,
      redirect: 'manual',
    })
    await response.arrayBuffer()
    if (!target.ok(response.status, response.headers.get('location') ?? undefined)) {
      throw new Error(`${target.name}: unexpected answer ${response.status}`)
    }
    return {
      queries: Number(response.headers.get('x-sql-queries') ?? 0),
      kept: response.headers.get('x-page-cache') === 'hit',
    }
  }
  for (const target of targets) {
    const made = await ask(target)
    const again = target.method === 'GET' ? await ask(target) : null
    counts[target.name] = { made: made.queries, kept: again?.kept ? again.queries : null }
  }
  return counts
}

/** What the benchmark's bookings left: bookings, overlaps, and their emails. */
type Tally = {
  created: number
  overlapping: number
  emailsSent: number
  emailsAbandoned: number
  /** Emails not yet sent when each booking run ended (the worker's backlog). */
  emailsWaitingAfterRun: number[]
}

/** How many emails wait in the outbox (neither sent nor abandoned). */
async function emailsWaiting(sql: Sql) {
  const [{ waiting }] = await sql.query(
    'select count(*) as waiting from outgoing_emails where sent_at is null and abandoned_at is null'
  )
  return Number(waiting)
}

/**
 * Waits until the email worker has sent every email written so far, so that its work
 * never overlaps the next measurement; fails when it sends nothing for ten seconds.
 */
async function drain(sql: Sql) {
  let waiting = await emailsWaiting(sql)
  let since = Date.now()
  while (waiting > 0) {
    if (Date.now() - since > 10_000) {
      throw new Error(`the email worker sent nothing in 10 s (${waiting} emails waiting)`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
    const now = await emailsWaiting(sql)
    if (now < waiting) since = Date.now()
    waiting = now
  }
}

/**
 * The bookings the benchmark made so far: counted, checked for overlaps with any other
 * confirmed booking of the same room, then removed so that the next run finds the same
 * free slots; their emails, once the worker has sent them, counted and removed too.
 */
async function tallyAndFree(sql: Sql, tally: Tally) {
  await drain(sql)
  const [{ total }] = await sql.query(
    `select count(*) as total from bookings a join bookings b
       on b.meeting_room_id = a.meeting_room_id and b.id <> a.id and b.status = 'confirmed'
      and b.starts_at < a.ends_at and a.starts_at < b.ends_at
     where a.title = '${BENCH_BOOKING_TITLE}' and a.status = 'confirmed'`
  )
  const [{ created }] = await sql.query(
    `select count(*) as created from bookings where title = '${BENCH_BOOKING_TITLE}'`
  )
  const [{ sent, abandoned }] = await sql.query(
    `select count(sent_at) as sent, count(abandoned_at) as abandoned from outgoing_emails`
  )
  tally.created += Number(created)
  tally.overlapping += Number(total)
  tally.emailsSent += Number(sent)
  tally.emailsAbandoned += Number(abandoned)
  await sql.query(
    `delete from booked_slots where booking_id in (select id from bookings where title = '${BENCH_BOOKING_TITLE}')`
  )
  await sql.query(`delete from bookings where title = '${BENCH_BOOKING_TITLE}'`)
  await sql.query('delete from outgoing_emails')
}

/**
 * Waits until the server has worked off the requests of the last run (autocannon stops
 * sending, the server still answers those under way): three quick /health in a row.
 */
async function settle(base: string) {
  let quick = 0
  for (let attempt = 0; attempt < 600 && quick < 3; attempt++) {
    const started = performance.now()
    await fetch(`${base}/health`).then((response) => response.arrayBuffer())
    quick = performance.now() - started < 25 ? quick + 1 : 0
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Each page once (20 requests, one at a time): its median latency on this dataset. */
async function once(instance: Instance, targets: Measured[], fresh: () => Promise<void>) {
  const medians: Record<string, number> = {}
  for (const target of targets) {
    if (target.restart) {
      await fresh()
      target.restart()
    }
    await settle(instance.url)
    const measure = await load(instance.url, target, 1, { amount: 20 })
    medians[target.name] = measure.p50
  }
  return medians
}

/** Runs the whole benchmark; returns the exit code (1 if a booking was made twice). */
export async function runBenchmark(root: string, options: Options) {
  const started = DateTime.now()
  const base = {
    APP_KEY: randomBytes(32).toString('base64url'),
    TZ: 'UTC',
    SESSION_DRIVER: 'database',
    LIMITER_STORE: 'memory',
    MAIL_MAILER: 'recording',
    // Emails rendered and sent by a worker process (node ace emails:deliver --watch).
    EMAIL_DELIVERY: 'worker',
    BENCH: 'true',
  }
  const only = (targets: Measured[]) =>
    options.only
      ? targets.filter(
          (target) => target.name.includes(options.only!) || target.name.startsWith('ceiling')
        )
      : targets
  const instances: Instance[] = []
  const workers: ReturnType<typeof startEmailWorker>[] = []
  const stop = async (instance: Instance) => {
    instance.process.kill()
    await new Promise((resolve) => instance.process.once('exit', resolve))
  }

  try {
    if (options.build) {
      options.log('building the app (node ace build)')
      await buildApp()
    }
    const env1 = { ...base, ...databaseEnv(options.sqlite, 1) }
    await prepare(root, 1, env1, options)
    workers.push(startEmailWorker(env1, WORKER_ARGS))

    // SQL queries per request, on an instance that counts them.
    const counting = await startInstance(PORTS.counting, { ...env1, COUNT_QUERIES: 'true' })
    instances.push(counting)
    const queries = await queriesPerRequest(counting, only(targetsFor(await sessions(counting))))
    await stop(counting)

    const bookings: Tally = {
      created: 0,
      overlapping: 0,
      emailsSent: 0,
      emailsAbandoned: 0,
      emailsWaitingAfterRun: [],
    }
    /** Checks and removes the benchmark's bookings, before a booking run and at the end. */
    const fresh = async (env: Record<string, string>) => {
      const sql = await sqlFor(root, env)
      await tallyAndFree(sql, bookings)
      await sql.close()
    }
    /** Runs a question against the 1× dataset. */
    const withSql = async <Result>(ask: (sql: Sql) => Promise<Result>) => {
      const sql = await sqlFor(root, env1)
      try {
        return await ask(sql)
      } finally {
        await sql.close()
      }
    }

    /** Every page at the given concurrencies, after a short warm-up. */
    const measureAll = async (instance: Instance, concurrencies: number[]) => {
      const targets = only(targetsFor(await sessions(instance)))
      options.log('warming up')
      for (const target of targets) {
        await load(instance.url, target, 10, { seconds: 2 })
        await settle(instance.url)
      }
      await withSql(drain)
      const measures: (Measure & { ceiling: number; ofCeiling: number })[] = []
      for (const connections of concurrencies) {
        for (const target of targets) {
          options.log(`${target.name} at ${connections}`)
          if (target.restart) {
            await fresh(env1)
            target.restart()
          } else {
            await withSql(drain)
          }
          // The ceiling again right before each page: the machine's speed drifts over a
          // run (a shared machine), and a page is compared with the ceiling of its moment.
          let ceiling: number | null = null
          if (target !== targets[0]) {
            await settle(instance.url)
            const before = await load(instance.url, targets[0], connections, {
              seconds: Math.max(3, Math.round(options.seconds / 2)),
            })
            ceiling = before.perSecond
          }
          await settle(instance.url)
          const measure = await load(instance.url, target, connections, {
            seconds: options.seconds,
          })
          if (target.restart) bookings.emailsWaitingAfterRun.push(await withSql(emailsWaiting))
          ceiling ??= measure.perSecond
          measures.push({
            ...measure,
            ceiling,
            ofCeiling: Math.round((measure.perSecond / ceiling) * 100),
          })
        }
      }
      return { targets, measures }
    }

    // The load, as in production: pages kept by the page cache until the data changes.
    const server = await startInstance(PORTS.load, env1)
    instances.push(server)
    const { targets, measures } = await measureAll(server, options.connections)
    await stop(server)

    // The same at the highest concurrency with the page cache off: every page made each time.
    const making = await startInstance(PORTS.load, { ...env1, PAGE_CACHE: 'false' })
    instances.push(making)
    const top = Math.max(...options.connections)
    const { measures: made } = await measureAll(making, [top])
    await fresh(env1)

    const report = {
      date: started.toISO(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
      database: options.sqlite ? 'sqlite' : 'mysql',
      seconds: options.seconds,
      queries,
      measures,
      madeEachTime: made,
      bookings,
      growth: [] as { target: string; p50At1: number; p50At10: number; growth: number }[],
    }
    const directory = join(root, 'tmp/bench')
    mkdirSync(directory, { recursive: true })
    const file = join(directory, `bench-${started.toFormat("yyyyMMdd'T'HHmmss")}.json`)
    const save = () => {
      writeFileSync(file, JSON.stringify(report, null, 2))
      writeFileSync(join(directory, 'latest.json'), JSON.stringify(report, null, 2))
    }
    save()
    const columns = [
      'page',
      'c',
      'req/s',
      'ceiling req/s just before',
      '% ceiling',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'errors',
    ]
    const row = (m: (typeof measures)[number]) => [
      m.target,
      m.connections,
      m.perSecond,
      m.ceiling,
      m.ofCeiling,
      m.p50,
      m.p95,
      m.p99,
      m.errors,
    ]
    console.log(
      `\n${table(
        [...columns, 'SQL made', 'SQL kept'],
        measures.map((m) => [
          ...row(m),
          queries[m.target]?.made ?? '',
          queries[m.target]?.kept ?? '',
        ])
      )}`
    )
    console.log(
      `\nPAGE_CACHE=false, every page made at each request:\n${table(columns, made.map(row))}`
    )
    console.log(
      `\nbookings made: ${bookings.created}, overlapping another: ${bookings.overlapping}; ` +
        `emails sent by the worker: ${bookings.emailsSent}, abandoned: ${bookings.emailsAbandoned}, ` +
        `waiting when each booking run ended: ${bookings.emailsWaitingAfterRun.join(', ')}` +
        `\n${report.database}, ${report.machine.cpus} cores, ${options.seconds} s per run; JSON: ${file}`
    )

    // Growth: each page once on 1× and on 10× the data.
    if (options.growth) {
      options.log('each page once on 1× (page cache off: the cost of making it)')
      const at1 = await once(making, targets, () => fresh(env1))
      await stop(making)
      const env10 = { ...base, ...databaseEnv(options.sqlite, 10) }
      await prepare(root, 10, env10, options)
      workers.push(startEmailWorker(env10, WORKER_ARGS))
      const tenfold = await startInstance(PORTS.tenfold, { ...env10, PAGE_CACHE: 'false' })
      instances.push(tenfold)
      options.log('each page once on 10×, after the same warm-up')
      const tenfoldTargets = only(targetsFor(await sessions(tenfold)))
      for (const target of tenfoldTargets) {
        await load(tenfold.url, target, 10, { seconds: 2 })
        await settle(tenfold.url)
      }
      const at10 = await once(tenfold, tenfoldTargets, () => fresh(env10))
      await fresh(env10)
      await stop(tenfold)
      report.growth = targets.map((target) => ({
        target: target.name,
        p50At1: at1[target.name],
        p50At10: at10[target.name],
        growth: Math.round((at10[target.name] / at1[target.name]) * 10) / 10,
      }))
      save()
      console.log(
        `\n${table(
          ['page (20 requests, one at a time)', 'p50 ms 1×', 'p50 ms 10×', 'growth'],
          report.growth.map((g) => [g.target, g.p50At1, g.p50At10, g.growth])
        )}`
      )
    } else {
      await stop(making)
    }
    return bookings.overlapping === 0 ? 0 : 1
  } catch (error) {
    // What the servers said last: a server that stopped answering says why here.
    for (const instance of instances) {
      const said = instance.output.join('').split('\n').slice(-40).join('\n')
      if (said.trim())
        options.log(`${instance.url} (exit code ${instance.process.exitCode}):\n${said}`)
    }
    for (const worker of workers) {
      const said = worker.output.join('').split('\n').slice(-40).join('\n')
      if (said.trim()) options.log(`email worker (exit code ${worker.process.exitCode}):\n${said}`)
    }
    throw error
  } finally {
    for (const instance of [...instances, ...workers]) {
      if (instance.process.exitCode === null) instance.process.kill()
    }
  }
}
