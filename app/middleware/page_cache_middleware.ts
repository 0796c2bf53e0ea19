import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import DataRevision from '#models/data_revision'
import { KeptPage, PageCache } from '#helpers/page_cache'
import env from '#start/env'

/** This process's kept pages. */
export const pageCache = new PageCache(env.get('PAGE_CACHE_MB', 64) * 1024 * 1024)

/**
 * On in production and in tests; off in development, where templates change under the
 * developer's eyes (a kept page would hide the change for up to a minute).
 */
const enabled = env.get('PAGE_CACHE', !app.inDev)

/**
 * Serves a page again instead of making it again: for the same person, in the same
 * language, at the same address, within the same minute (pages that show "now" stay right)
 * and at the same data revision (any committed write makes a new one, so no page outlives
 * a change, and several app processes need not share anything). GET answers of 200 only,
 * and never a page showing a flash message or a form's previous input. Requests for a page
 * being made wait for it instead of making it too (the first request of each minute would
 * otherwise make it as many times as there are requests under way). The answer says
 * "X-Page-Cache: hit" or "miss".
 */
export default class PageCacheMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const { request, response, session } = ctx
    if (!enabled || request.method() !== 'GET' || !session.flashMessages.isEmpty) {
      return next()
    }
    const revision = await DataRevision.current()
    if (revision === null) return next()
    const key = [
      revision,
      Math.floor(DateTime.now().toMillis() / 60_000),
      ctx.auth.user?.id ?? '',
      ctx.i18n.locale,
      request.url(true),
    ].join(' ')

    const kept = pageCache.get(key) ?? (await pageCache.making(key))
    if (kept) {
      for (const [name, value] of kept.headers) response.header(name, value)
      response.header('X-Page-Cache', 'hit')
      response.send(pageCache.bodyFor(key, kept, request.csrfToken, session.sessionId))
      return
    }

    const made = pageCache.startMaking(key)
    try {
      await next()
    } catch (error) {
      made(undefined)
      throw error
    }
    response.header('X-Page-Cache', 'miss')
    const body = response.getBody()
    const keepable =
      response.getStatus() === 200 && (typeof body === 'string' || Buffer.isBuffer(body))
    made(keepable ? KeptPage.of(body, request.csrfToken, response.getHeaders()) : undefined)
  }
}
