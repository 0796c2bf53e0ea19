/*
|--------------------------------------------------------------------------
| HTTP kernel file
|--------------------------------------------------------------------------
|
| Registers the middleware with the server and the router.
|
*/
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#exceptions/handler'))

/**
 * Runs on every HTTP request, even when no route matches.
 */
server.use([
  () => import('#middleware/container_bindings_middleware'),
  () => import('#middleware/security_headers_middleware'),
  () => import('@adonisjs/static/static_middleware'),
  () => import('#middleware/dev_assets_middleware'),
])

/**
 * Runs on every HTTP request that matches a route.
 */
router.use([
  // The session first: a body the parser refuses (too large) still gets a message.
  () => import('@adonisjs/session/session_middleware'),
  () => import('@adonisjs/core/bodyparser_middleware'),
  // Uploaded files a request leaves in the temporary directory are removed once it is answered.
  () => import('#middleware/uploads_cleanup_middleware'),
  () => import('@adonisjs/shield/shield_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#middleware/initialize_bouncer_middleware'),
  () => import('#middleware/detect_user_locale_middleware'),
])

/**
 * Named middleware, assigned explicitly to routes and groups.
 */
export const middleware = router.named({
  guest: () => import('#middleware/guest_middleware'),
  auth: () => import('#middleware/auth_middleware'),
  pageCache: () => import('#middleware/page_cache_middleware'),
})
