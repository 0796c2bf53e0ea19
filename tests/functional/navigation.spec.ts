import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createBuilding, createUser } from '#tests/support/fixtures'

/** The labels of the main navigation's links. */
function navLinks(html: string) {
  const nav = html.slice(
    html.indexOf('<nav aria-label="Navigation principale"'),
    html.indexOf('</nav>')
  )
  return [...nav.matchAll(/<a\s[^>]*>([\s\S]*?)<\/a>/g)].map((match) =>
    match[1].replace(/<svg[\s\S]*?<\/svg>|<[^>]+>/g, '').trim()
  )
}

test.group('Navigation shows only what the role may use', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  for (const [role, expected] of [
    [
      'manager',
      [
        'Accueil',
        'Tableau de bord',
        'Entreprises',
        'Cellules',
        'Déclarations',
        'État locatif',
        'Facturation',
        'Objectifs',
        'Réglages',
        'Exploitant',
        'Services',
        'Utilisateurs',
        'Salles',
        'Mon compte',
      ],
    ],
    [
      'tenant',
      ['Accueil', 'Factures', 'Salles', 'Mes réservations', 'Mon entreprise', 'Mon compte'],
    ],
    ['official', ['Accueil', 'Tableau de bord', 'Mon compte']],
  ] as const) {
    test(`${role}: ${expected.join(', ')}`, async ({ client, assert }) => {
      await createBuilding()
      const user = await createUser(role)
      const response = await client.get('/').loginAs(user)
      response.assertStatus(200)
      assert.deepEqual(navLinks(response.text()), [...expected])
    })
  }
})
