/** The last page a list may be asked for (25 rows a page: far beyond any incubator's data). */
export const MAX_PAGE = 100_000

/** The page a query parameter asks for: a whole number from 1 to MAX_PAGE, else the first. */
export function pageAsked(value: unknown) {
  const page = Number(value)
  return Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1
}
