/** Response headers a kept page is served again with (the others are each request's own). */
const KEPT_HEADERS = ['content-type', 'content-disposition', 'cache-control']

/**
 * A page as rendered once, encoded once: its body cut around the CSRF token it was rendered
 * with (so that each request gets its own token back in), and the headers that describe it.
 */
export class KeptPage {
  readonly size: number

  constructor(
    readonly parts: Buffer[],
    readonly headers: [string, string][]
  ) {
    this.size = parts.reduce((total, part) => total + part.byteLength, 0)
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

  /** The bytes to send, with this request's CSRF token where the first one was. */
  bodyFor(csrfToken: string | undefined) {
    if (this.parts.length === 1) return this.parts[0]
    const token = Buffer.from(csrfToken ?? '')
    return Buffer.concat(this.parts.flatMap((part, index) => (index ? [token, part] : [part])))
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

  /** Keeps a page, unless it alone would take more than an eighth of the budget. */
  set(key: string, page: KeptPage) {
    if (page.size > this.budget / 8) return
    this.delete(key)
    this.#pages.set(key, page)
    this.#bytes += page.size
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
