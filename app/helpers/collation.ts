import { SimplePaginator } from '@adonisjs/lucid/database'
import type { LucidModel, ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'

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

/**
 * A page of records in French order of a name column (after an optional first key): the
 * order is decided on the ids and names of every match (the database's ORDER BY may compare
 * bytes), then only the page's records are read, whole.
 */
export async function pageInFrenchOrder<Model extends LucidModel>(
  query: ModelQueryBuilderContract<Model>,
  options: {
    name: string
    first?: string
    page: number
    perPage: number
    /** What the page's records bring along (preloads). */
    load?: (query: ModelQueryBuilderContract<Model>) => void
  }
) {
  const columns = ['id', options.name, ...(options.first ? [options.first] : [])]
  const rows: Record<string, any>[] = await query.clone().select(columns).pojo()
  const ordered = rows.sort(
    (a, b) =>
      (options.first ? String(a[options.first]).localeCompare(String(b[options.first])) : 0) ||
      compareNames(a[options.name], b[options.name]) ||
      a.id - b.id
  )
  const { page, perPage } = options
  const ids = ordered.slice((page - 1) * perPage, page * perPage).map((row) => row.id)
  const pageQuery = query.model.query().whereIn('id', ids) as ModelQueryBuilderContract<Model>
  options.load?.(pageQuery)
  const onPage = await pageQuery
  const found = new Map(onPage.map((record) => [(record as any).id, record]))
  return new SimplePaginator(ordered.length, perPage, page, ...ids.map((id) => found.get(id)!))
}
