import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'
import { trustedProxies } from '#helpers/trusted_proxies'

/**
 * The public URL of the application, used to build absolute links (emails, feeds).
 */
export const appUrl = env.get('APP_URL', `http://${env.get('HOST')}:${env.get('PORT')}`)

/**
 * The configuration settings used by the HTTP server.
 */
export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: true,
  /** The request's context reaches the models, which record who made each change (AuditEvent). */
  useAsyncLocalStorage: true,
  /** Forwarded headers are believed only from the reverse proxies of TRUSTED_PROXIES. */
  trustProxy: trustedProxies(env.get('TRUSTED_PROXIES')),
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
