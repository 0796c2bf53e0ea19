import app from '@adonisjs/core/services/app'
import i18nManager from '@adonisjs/i18n/services/main'
import { errors as authErrors } from '@adonisjs/auth'
import { errors as bouncerErrors } from '@adonisjs/bouncer'
import { errors as shieldErrors } from '@adonisjs/shield'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import type { ValidationError } from '@vinejs/vine'
import {
  constraintBroken,
  isDatabaseUnavailable,
  redactedDatabaseError,
} from '#helpers/database_errors'
import { keepInput } from '#helpers/form_input'
import { sameOriginPath } from '#helpers/redirects'

/**
 * Turns errors into responses: friendly French pages for 403, 404, 500 and 503 (the
 * database out of reach), stack traces only in development; forms refused for any
 * reason (validation, an expired CSRF token, a unique key or a column's range that the
 * database enforced, a body too large) come back with a French message and, where the
 * body could be read, the input kept (passwords never).
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
    // Bouncer answers 403 by itself; route it through the friendly page instead.
    if (error instanceof bouncerErrors.E_AUTHORIZATION_FAILURE && !this.#wantsJson(ctx)) {
      ctx.response.status(403).send(await this.#renderPage(ctx, 'pages/errors/forbidden'))
      return
    }
    if (error instanceof authErrors.E_UNAUTHORIZED_ACCESS && ctx.session && !this.#wantsJson(ctx)) {
      return this.#toLogin(error, ctx)
    }
    if (this.#wantsJson(ctx) || !ctx.session) return super.handle(error, ctx)

    if (error instanceof shieldErrors.E_BAD_CSRF_TOKEN) {
      return this.#backToForm(ctx, this.#i18n(ctx).t('errors.E_BAD_CSRF_TOKEN'), true)
    }
    const status = (error as { status?: number }).status
    const code = (error as { code?: string }).code
    if (status === 413 || code === 'E_REQUEST_ENTITY_TOO_LARGE') {
      return this.#backToForm(ctx, this.#i18n(ctx).t('errors.request_too_large'), false)
    }
    if (status === 400 && /Fields length limit exceeded/.test(String((error as Error).message))) {
      return this.#backToForm(ctx, this.#i18n(ctx).t('errors.too_many_fields'), false)
    }
    // A rule the database holds (a unique key lost to a double click, a column's range or
    // length): the transaction rolled back, the form says what to change.
    const broken = constraintBroken(error, ctx.request.all())
    if (broken) {
      const message = this.#i18n(ctx).t(`errors.constraint.${broken.kind}`)
      if (broken.field) ctx.session.flash('inputErrorsBag', { [broken.field]: [message] })
      return this.#backToForm(ctx, message, true)
    }
    return super.handle(error, ctx)
  }

  /**
   * A form refused by validation: its errors next to the fields and its input kept,
   * passwords left out (the framework's own would keep "currentPassword").
   */
  async renderValidationErrorAsHTML(error: ValidationError, ctx: HttpContext) {
    if (!ctx.session) return super.renderValidationErrorAsHTML(error, ctx)
    ctx.session.flashValidationErrors(error, false)
    keepInput(ctx.session)
    ctx.response.redirect('back', true)
  }

  /** A database out of reach is an outage to watch, not a bug: one warning line. */
  async report(error: unknown, ctx: HttpContext) {
    if (isDatabaseUnavailable(error)) {
      ctx.logger.warn({ code: (error as { code?: string }).code }, 'database unavailable: 503')
      return
    }
    // A rule the database held for a form (a double click's unique key): the form says so.
    const broken = constraintBroken(error, {})
    if (broken) {
      ctx.logger.info({ kind: broken.kind }, 'form refused by the database')
      return
    }
    // A database's error carries its SQL and values (a password hash, a token): logged
    // without them.
    return super.report(redactedDatabaseError(error), ctx)
  }

  /** A page that needs a login: to the login page, which sends the person back here after. */
  #toLogin(error: InstanceType<typeof authErrors.E_UNAUTHORIZED_ACCESS>, ctx: HttpContext) {
    const { request, response, session } = ctx
    if (request.method() === 'GET') {
      session.put('redirect.intendedUrl', sameOriginPath(request.url(true), [], '/'))
    }
    session.flash('error', this.#i18n(ctx).t('errors.E_UNAUTHORIZED_ACCESS'))
    return response.redirect().toPath(error.redirectTo || '/login')
  }

  /** Back to the form with a message, with its input when it could be read. */
  #backToForm(ctx: HttpContext, message: string, withInput: boolean) {
    if (withInput) keepInput(ctx.session)
    ctx.session.flash('error', message)
    ctx.response.redirect().back()
  }

  /**
   * The request's language, also when the error came before the middleware that reads
   * it (a body too large): the visitor's choice kept in the session, else French.
   */
  #i18n(ctx: HttpContext) {
    if (ctx.i18n) return ctx.i18n
    const chosen = ctx.session?.get('locale')
    return i18nManager.locale(i18nManager.supportedLocales().includes(chosen) ? chosen : 'fr')
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
      ctx.i18n = this.#i18n(ctx)
      ctx.view.share({ i18n: ctx.i18n, locale: ctx.i18n.locale })
    }
    return ctx.view.render(template)
  }
}
