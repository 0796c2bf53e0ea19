/**
 * The path to send a user "back" to, from the Referer header: only a page of this app's
 * own origin, and only as a path ("/companies/3?page=2"), never as an absolute address,
 * so that no header a client forges (Referer, Host, X-Forwarded-Host) can turn a redirect
 * into a jump to another site. Anything else gives the fallback.
 */
export function sameOriginPath(
  referrer: string | undefined | null,
  ownHosts: (string | null | undefined)[],
  fallback = '/'
) {
  if (!referrer || referrer.length > 2048) return fallback
  let url: URL
  try {
    url = new URL(referrer, 'http://relative.invalid')
  } catch {
    return fallback
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fallback
  const relative = url.host === 'relative.invalid' && /^\/(?![/\\])/.test(referrer)
  if (!relative && !ownHosts.some((host) => host && host.toLowerCase() === url.host)) {
    return fallback
  }
  // "//evil.example" or "/\evil.example" would be read as another host by browsers.
  const path = `/${url.pathname.replace(/^[/\\]+/, '')}`
  return `${path}${url.search}`
}
