import { test } from '@japa/runner'
import { typographyProblems } from '#tests/support/typography'

test.group('The typography check of the browser suite', () => {
  test('marks what a careful reader would, and passes correct text', ({ assert }) => {
    const nbsp = '\u00a0'
    assert.lengthOf(typographyProblems(`Statut${nbsp}: hébergée${nbsp}; le 1er mars.`, 'fr'), 0)
    assert.lengthOf(typographyProblems('Status: hosted; 1 March.', 'en'), 0)
    assert.lengthOf(typographyProblems('Statut : hébergée', 'fr'), 1)
    assert.lengthOf(typographyProblems('Statut: hébergée', 'fr'), 1)
    assert.lengthOf(typographyProblems('12 places , Écran', 'fr'), 1)
    assert.lengthOf(typographyProblems('entreprises hébergées .', 'fr'), 1)
    assert.lengthOf(typographyProblems('depuis le 1 novembre 2016', 'fr'), 1)
    assert.lengthOf(typographyProblems('la convention de Atelier', 'fr'), 1)
    assert.lengthOf(typographyProblems('Signez-la ensuite', 'fr'), 0)
    assert.lengthOf(typographyProblems('State : Draft', 'en'), 1)
    assert.lengthOf(typographyProblems('bookings.fields.title', 'en'), 1)
  })
})
