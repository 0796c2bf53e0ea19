import { test } from '@japa/runner'
import { compareNames, sortByName } from '#helpers/collation'

test.group('French collation', () => {
  test('accents and case do not push a name to the end', ({ assert }) => {
    const names = ['Atelier Zèbre', 'atelier bois', 'Atelier Énergie', 'Zénith', 'Écluse']
    assert.deepEqual(
      sortByName(names, (name) => name),
      ['atelier bois', 'Atelier Énergie', 'Atelier Zèbre', 'Écluse', 'Zénith']
    )
    // What a byte order (SQLite's ORDER BY, or a plain sort) would give instead.
    assert.notDeepEqual(
      [...names].sort(),
      sortByName(names, (name) => name)
    )
  })

  test('numbers read as numbers', ({ assert }) => {
    assert.deepEqual(
      sortByName(['Cellule 10', 'Cellule 2', 'Cellule 1'], (name) => name),
      ['Cellule 1', 'Cellule 2', 'Cellule 10']
    )
  })

  test('a missing name sorts first, and equal names keep their order', ({ assert }) => {
    assert.isBelow(compareNames(null, 'A'), 0)
    assert.equal(compareNames('École', 'ecole'), 0)
    const items = [
      { id: 1, name: 'École' },
      { id: 2, name: 'ecole' },
    ]
    assert.deepEqual(
      sortByName(items, (item) => item.name).map((item) => item.id),
      [1, 2]
    )
  })
})
