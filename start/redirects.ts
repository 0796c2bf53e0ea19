/*
|--------------------------------------------------------------------------
| Redirects "back"
|--------------------------------------------------------------------------
|
| Every redirect to the previous page (forms sent back with their errors, the
| language switch, the framework's own validation and CSRF answers) goes through
| Redirect#getPreviousUrl: it gives only a path of this app (sameOriginPath).
|
*/
import { Redirect } from '@adonisjs/core/http'
import { appUrl } from '#config/app'
import { sameOriginPath } from '#helpers/redirects'

const appHost = new URL(appUrl).host

Redirect.macro('getPreviousUrl', function (this: Redirect, fallback: string = '/') {
  const request = this.ctx?.request
  if (!request) return fallback
  return sameOriginPath(request.header('referer'), [request.host(), appHost], fallback)
})
