/**
 * French alphabetical order, the one home of it: accents and case do not decide ("Atelier
 * Énergie" before "Atelier Zèbre"), numbers read as numbers ("Cellule 2" before "Cellule 10").
 * SQLite's ORDER BY compares bytes (É after Z), so names are ordered here, after fetching.
 */
export const frenchCollator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })

/** Compares two names in French order (for Array#sort). */
export function compareNames(a: string | null | undefined, b: string | null | undefined) {
  return frenchCollator.compare(a ?? '', b ?? '')
}

/** A copy of a list ordered by a name read from each item, in French order (stable). */
export function sortByName<T>(items: readonly T[], nameOf: (item: T) => string | null | undefined) {
  return [...items].sort((a, b) => compareNames(nameOf(a), nameOf(b)))
}
