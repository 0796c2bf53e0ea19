import app from '@adonisjs/core/services/app'
import i18nManager from '@adonisjs/i18n/services/main'
import { errors as bouncerErrors } from '@adonisjs/bouncer'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { isDatabaseUnavailable } from '#helpers/database_errors'

/**
 * Turns errors into responses: friendly French pages for 403, 404, 500 and 503 (the
 * database out of reach), stack traces only in development.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  /** Stack traces (Youch) only while developing. */
  protected debug = app.inDev

  /** Friendly pages everywhere (in development, 500s keep the stack trace). */
  protected renderStatusPages = true

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '403': (_error, ctx) => this.#renderPage(ctx, 'pages/errors/forbidden'),
    '404': (_error, ctx) => this.#renderPage(ctx, 'pages/errors/not_found'),
    ...(app.inDev
      ? {}
      : {
          '500..599': (_error: unknown, ctx: HttpContext) =>
            this.#renderPage(ctx, 'pages/errors/server_error'),
        }),
  }

  /** Bouncer answers 403 by itself; route it through the friendly page instead. */
  async handle(error: unknown, ctx: HttpContext) {
    // The database out of reach: "try again shortly", never a crash nor a stack trace.
    if (isDatabaseUnavailable(error)) {
      ctx.response.status(503).header('retry-after', '30')
      if (this.#wantsJson(ctx)) {
        ctx.response.json({ error: 'database_unavailable' })
      } else {
        ctx.response.send(await this.#renderPage(ctx, 'pages/errors/unavailable'))
      }
      return
    }
    if (error instanceof bouncerErrors.E_AUTHORIZATION_FAILURE && !this.#wantsJson(ctx)) {
      ctx.response.status(403).send(await this.#renderPage(ctx, 'pages/errors/forbidden'))
      return
    }
    return super.handle(error, ctx)
  }

  /** A database out of reach is an outage to watch, not a bug: one warning line. */
  async report(error: unknown, ctx: HttpContext) {
    if (isDatabaseUnavailable(error)) {
      ctx.logger.warn({ code: (error as { code?: string }).code }, 'database unavailable: 503')
      return
    }
    return super.report(error, ctx)
  }

  #wantsJson(ctx: HttpContext) {
    return ctx.request.accepts(['html', 'json']) === 'json'
  }

  /**
   * Error pages may render before the router's middleware ran (an unknown URL):
   * give them a language.
   */
  #renderPage(ctx: HttpContext, template: string) {
    if (!ctx.i18n) {
      ctx.i18n = i18nManager.locale(i18nManager.defaultLocale)
      ctx.view.share({ i18n: ctx.i18n, locale: ctx.i18n.locale })
    }
    return ctx.view.render(template)
  }
}
