import proxyAddr from 'proxy-addr'

/**
 * Which peers may tell the client's address, host and protocol through forwarded headers
 * (X-Forwarded-For, -Host, -Proto): the reverse proxies named in TRUSTED_PROXIES (addresses,
 * CIDRs, or proxy-addr's names "loopback", "linklocal", "uniquelocal", comma separated).
 * Nobody by default: a client could otherwise pick the address the login throttle counts,
 * the address the history records and the host that redirects are checked against.
 * An address that is not one throws at boot, so a typo never trusts the wrong peers.
 */
export function trustedProxies(
  setting: string | undefined
): (address: string, hop: number) => boolean {
  const list = (setting ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (!list.length) return () => false
  return proxyAddr.compile(list)
}
