import type { Edge } from 'edge.js'

/**
 * Patches Edge (no option does it): its "supercharged" components plugin lists the component
 * files on disk before every render unless the Edge instance was *created* with its cache on
 * (read once, in Edge's constructor). The framework's instance is created when edge.js is
 * imported, and the provider only turns the cache on afterwards (edge.configure), which leaves
 * the plugin listing at every page: 12 % of the CPU of a booking under load in production.
 * Templates never change while a built app runs, so the listing is made once and kept.
 * tests/unit/helpers/edge_components_listed_once.spec.ts fails when Edge's behaviour changes.
 */
export function listComponentsOnce(edge: Edge) {
  const listComponents = edge.loader.listComponents.bind(edge.loader)
  let components: ReturnType<typeof listComponents> | undefined
  edge.loader.listComponents = () => (components ??= listComponents())
}
