import autocannon from 'autocannon'

/**
 * One page (or form) the benchmark drives: where, with whose cookies, and what a
 * good answer is. `body` gives each POST its own form (a different free slot), and may
 * send it as someone else (other cookies).
 */
export type Target = {
  name: string
  method: 'GET' | 'POST'
  path: string
  headers: Record<string, string>
  /** A good answer: 200 for a page, the redirect to the room for a booking. */
  ok: (status: number, location: string | undefined) => boolean
  body?: () => { form: string; headers?: Record<string, string> } | null
}

/** The figures of one load run. */
export type Measure = {
  target: string
  connections: number
  seconds: number
  requests: number
  perSecond: number
  p50: number
  p95: number
  p99: number
  errors: number
}

/** The value below which a share of the sorted latencies fall (nearest rank). */
export function percentile(sorted: number[], share: number) {
  if (!sorted.length) return 0
  const rank = Math.ceil(share * sorted.length) - 1
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]
}

/**
 * Drives one target with autocannon at a concurrency, for a duration (seconds) or an
 * amount of requests, and measures latencies itself (autocannon gives no p95). Errors
 * are failed connections, timeouts and answers that are not the expected one.
 */
export async function load(
  base: string,
  target: Target,
  connections: number,
  run: { seconds?: number; amount?: number }
): Promise<Measure> {
  const latencies: number[] = []
  let wrong = 0
  let exhausted = false
  let finish: (error: Error | null, result: autocannon.Result) => void = () => {}
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (error, result) => (error ? reject(error) : resolve(result))
  })
  const instance = autocannon(
    {
      url: base,
      connections,
      ...(run.amount ? { amount: run.amount } : { duration: run.seconds ?? 10 }),
      timeout: 30,
      requests: [
        {
          method: target.method,
          path: target.path,
          headers: target.headers,
          setupRequest: (request: any) => {
            if (!target.body) return request
            const next = target.body()
            if (next === null) {
              exhausted = true
              return request
            }
            return { ...request, body: next.form, headers: { ...request.headers, ...next.headers } }
          },
          onResponse: (status: number, _body: string, _context: unknown, headers: any) => {
            if (!target.ok(status, headers?.location)) wrong += 1
          },
        },
      ],
    },
    (error, result) => finish(error, result)
  )
  instance.on('response', (_client: unknown, _status: number, _bytes: number, time: number) => {
    latencies.push(time)
  })
  const result = await done
  if (exhausted) throw new Error(`${target.name}: ran out of free slots to book`)
  latencies.sort((a, b) => a - b)
  const requests = latencies.length
  return {
    target: target.name,
    connections,
    seconds: result.duration,
    requests,
    perSecond: Math.round((requests / result.duration) * 10) / 10,
    p50: round(percentile(latencies, 0.5)),
    p95: round(percentile(latencies, 0.95)),
    p99: round(percentile(latencies, 0.99)),
    errors: result.errors + result.timeouts + wrong,
  }
}

function round(milliseconds: number) {
  return Math.round(milliseconds * 10) / 10
}

/** A plain-text table: columns padded to their widest cell, numbers on the right. */
export function table(header: string[], rows: (string | number)[][]) {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => String(row[column]).length))
  )
  const line = (cells: (string | number)[]) =>
    cells
      .map((cell, column) =>
        typeof cell === 'number'
          ? String(cell).padStart(widths[column])
          : String(cell).padEnd(widths[column])
      )
      .join('  ')
  return [
    line(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(line),
  ].join('\n')
}
