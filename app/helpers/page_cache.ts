/** Response headers a kept page is served again with (the others are each request's own). */
const KEPT_HEADERS = ['content-type', 'content-disposition', 'cache-control']

/** How many sessions a kept page is copied for, each with its own CSRF token in it. */
const SESSIONS_PER_PAGE = 8

/**
 * A page as rendered once, encoded once: its body cut around the CSRF token it was rendered
 * with, and the headers that describe it. A page with a token is put together again once per
 * session, with the token of that session's first request in it (Shield accepts any token
 * made from the session's secret), then sent as it is: no copy of the page per request.
 */
export class KeptPage {
  #size: number
  #bySession = new Map<string, Buffer>()

  constructor(
    readonly parts: Buffer[],
    readonly headers: [string, string][]
  ) {
    this.#size = parts.reduce((total, part) => total + part.byteLength, 0)
  }

  /** Its bytes in memory, the sessions' copies included. */
  get size() {
    return this.#size
  }

  /** Keeps a rendered body, with the request's CSRF token taken out of it. */
  static of(body: string | Buffer, csrfToken: string | undefined, headers: Record<string, any>) {
    const kept = KEPT_HEADERS.filter((name) => headers[name] !== undefined).map(
      (name) => [name, String(headers[name])] as [string, string]
    )
    if (Buffer.isBuffer(body)) return new KeptPage([body], kept)
    if (!kept.some(([name]) => name === 'content-type')) {
      // What the framework would say of the text (it cannot tell once it is bytes).
      const type = /^\s*</.test(body) ? 'text/html' : 'text/plain'
      kept.push(['content-type', `${type}; charset=utf-8`])
    }
    const parts = csrfToken ? body.split(csrfToken) : [body]
    return new KeptPage(
      parts.map((part) => Buffer.from(part)),
      kept
    )
  }

  /**
   * The bytes to send in a session: the same for all when the page holds no token; else the
   * session's copy, made with this request's token the first time.
   */
  bodyFor(csrfToken: string | undefined, session: string) {
    if (this.parts.length === 1) return this.parts[0]
    const copy = this.#bySession.get(session)
    if (copy) return copy
    const token = Buffer.from(csrfToken ?? '')
    const body = Buffer.concat(
      this.parts.flatMap((part, index) => (index ? [token, part] : [part]))
    )
    if (this.#bySession.size < SESSIONS_PER_PAGE) {
      this.#bySession.set(session, body)
      this.#size += body.byteLength
    }
    return body
  }
}

/**
 * Rendered pages in memory, within a budget of bytes: the least recently served go first.
 * Keys carry the data revision, so a page of an older revision is simply never asked for
 * again and ages out.
 */
export class PageCache {
  #pages = new Map<string, KeptPage>()
  #making = new Map<string, Promise<KeptPage | undefined>>()
  #bytes = 0

  constructor(readonly budget: number) {}

  /** The page kept under this key, now the most recently used. */
  get(key: string) {
    const page = this.#pages.get(key)
    if (page) {
      this.#pages.delete(key)
      this.#pages.set(key, page)
    }
    return page
  }

  /**
   * The page being made under this key by another request, if any: requests asking for the
   * same page at the same moment wait for one to make it rather than all making it.
   */
  making(key: string) {
    return this.#making.get(key)
  }

  /** Says that a request is making the page under this key; it resolves when done. */
  startMaking(key: string) {
    let done!: (page: KeptPage | undefined) => void
    this.#making.set(key, new Promise((resolve) => (done = resolve)))
    return (page: KeptPage | undefined) => {
      this.#making.delete(key)
      if (page) this.set(key, page)
      done(page)
    }
  }

  /**
   * The bytes of the page kept under this key for a session (a session's first copy counts
   * in the budget); a page not kept (too big) is put together for the request alone.
   */
  bodyFor(key: string, page: KeptPage, csrfToken: string | undefined, session: string) {
    if (this.#pages.get(key) !== page) return page.bodyFor(csrfToken, session)
    const before = page.size
    const body = page.bodyFor(csrfToken, session)
    this.#bytes += page.size - before
    this.#evict()
    return body
  }

  /** Keeps a page, unless it alone would take more than an eighth of the budget. */
  set(key: string, page: KeptPage) {
    if (page.size > this.budget / 8) return
    this.delete(key)
    this.#pages.set(key, page)
    this.#bytes += page.size
    this.#evict()
  }

  /** Lets the least recently served pages go until the budget is kept. */
  #evict() {
    for (const [oldest, kept] of this.#pages) {
      if (this.#bytes <= this.budget) break
      this.#pages.delete(oldest)
      this.#bytes -= kept.size
    }
  }

  /** Forgets one page. */
  delete(key: string) {
    const page = this.#pages.get(key)
    if (!page) return
    this.#pages.delete(key)
    this.#bytes -= page.size
  }

  /** Forgets every page. */
  clear() {
    this.#pages.clear()
    this.#bytes = 0
  }

  /** How many pages and bytes are kept. */
  get usage() {
    return { pages: this.#pages.size, bytes: this.#bytes }
  }
}
