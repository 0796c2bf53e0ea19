import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import ViteMiddleware from '@adonisjs/vite/vite_middleware'

/**
 * The addresses Vite's development server answers: its client and modules, the styles and
 * scripts of resources/css and resources/js, and the dependencies it bundles. Vite serves
 * any file under the project's root by its path, so without this the development server
 * gave anyone the SQLite database (/tmp/db.sqlite3), the recorded emails, the room photos,
 * the sources and the configuration.
 */
const DEV_ASSETS =
  /^\/(@vite\/|@id\/|resources\/(css|js)\/|node_modules\/(\.vite\/deps\/|vite\/dist\/client\/)|__vite_ping$)/

/** Whether a request path is one of Vite's development assets (read as the browser sent it). */
export function isDevAsset(url: string) {
  let path: string
  try {
    path = decodeURIComponent(url.split(/[?#]/, 1)[0])
  } catch {
    return false
  }
  return DEV_ASSETS.test(path) && !/(^|[/\\])\.\.([/\\]|$)/.test(path) && !path.includes('\0')
}

/**
 * Vite's development server (development and tests only; in production the built assets
 * are static files) answers its own assets and nothing else: every other address goes
 * to the app's routes.
 */
@inject()
export default class DevAssetsMiddleware {
  constructor(protected vite: ViteMiddleware) {}

  handle(ctx: HttpContext, next: NextFn) {
    if (!isDevAsset(ctx.request.url())) return next()
    return this.vite.handle(ctx, next)
  }
}
