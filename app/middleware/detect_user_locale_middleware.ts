import { I18n } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'
import type { NextFn } from '@adonisjs/core/types/http'
import { type HttpContext, RequestValidator } from '@adonisjs/core/http'
import { LOCALES, type Locale } from '#models/user'

/**
 * Picks the request's language: the user's saved choice, else the visitor's
 * choice kept in the session, else French. Shares it with views and validators.
 */
export default class DetectUserLocaleMiddleware {
  static {
    RequestValidator.messagesProvider = (ctx) => {
      return ctx.i18n.createMessagesProvider()
    }
  }

  /** The language chosen by the user or the visitor, French by default. */
  protected async getRequestLocale(ctx: HttpContext): Promise<Locale> {
    if (await ctx.auth.check()) {
      return ctx.auth.user!.locale
    }
    const chosen = ctx.session.get('locale')
    return LOCALES.includes(chosen) ? chosen : 'fr'
  }

  async handle(ctx: HttpContext, next: NextFn) {
    const locale = await this.getRequestLocale(ctx)
    ctx.i18n = i18nManager.locale(locale)
    ctx.containerResolver.bindValue(I18n, ctx.i18n)

    if ('view' in ctx) {
      ctx.view.share({ i18n: ctx.i18n, locale })
    }

    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    i18n: I18n
  }
}
