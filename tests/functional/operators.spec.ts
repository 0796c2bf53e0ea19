import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Operator from '#models/operator'
import AuditEvent from '#models/audit_event'
import { createUser } from '#tests/support/fixtures'
import { operatorForm } from '#tests/support/billing'

test.group('The operator', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('blank at first, with the French default terms', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const page = await client.get('/operator/edit').loginAs(manager)
    page.assertStatus(200)
    page.assertTextIncludes('value="12,15"')
    page.assertTextIncludes('value="706000"')
    page.assertTextIncludes('escompte pour paiement anticipé.')
    const operator = await Operator.current()
    assert.isFalse(operator.isComplete)
    assert.equal(
      await Operator.query()
        .count('* as total')
        .first()
        .then((r) => r!.$extras.total),
      1
    )
  })

  test('a manager fills it in: identifiers stored compact, the SIREN from the SIRET, recorded', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const response = await client
      .put('/operator')
      .loginAs(manager)
      .form(operatorForm)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/operator/edit')
    response.assertFlashMessage('success', "Les informations de l'exploitant sont enregistrées.")
    const operator = await Operator.current()
    assert.include(operator.$attributes, {
      siret: '73282932000074',
      siren: '732829320',
      vatNumber: 'FR44732829320',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPPXXX',
      creditorId: 'FR72ZZZ123456',
      latePenaltyRateBp: 1050,
      addressComplement: null,
    })
    assert.isTrue(operator.isComplete)
    const event = await AuditEvent.findByOrFail('action', 'operator.updated')
    assert.equal(event.userId, manager.id)
    assert.deepInclude(event.changedFields, {
      field: 'latePenaltyRateBp',
      before: 1215,
      after: 1050,
    })

    const page = await client.get('/operator/edit').loginAs(manager)
    page.assertTextIncludes('FR76 3000 6000 0112 3456 7890 189')
    page.assertTextIncludes('exploitant</td>')
    page.assertTextIncludes('10,5\u00a0%')
  })

  test('wrong keys are refused next to their field, in French, the input kept', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const response = await client
      .put('/operator')
      .loginAs(manager)
      .header('referer', '/operator/edit')
      .form({
        ...operatorForm,
        siret: '73282932000075',
        vatNumber: 'FR45732829320',
        iban: 'FR7630006000011234567890188',
        bic: 'AGRI',
        creditorId: 'FR12ZZZ123456',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/operator/edit')
    const bag = response.flashMessages().inputErrorsBag as Record<string, string[]>
    assert.deepEqual(Object.keys(bag).sort(), ['bic', 'creditorId', 'iban', 'siret', 'vatNumber'])
    assert.match(bag.vatNumber[0], /clé de ce numéro de TVA/)
    assert.match(bag.iban[0], /IBAN n'est pas valide/)
    assert.match(bag.creditorId[0], /identifiant créancier/)
    assert.equal(response.flashMessages().name, operatorForm.name)
    const operator = await Operator.current()
    assert.notExists(operator.name)
  })

  test("a VAT number must carry the SIRET's SIREN; a BIC comes with an IBAN", async ({
    client,
  }) => {
    const manager = await createUser('manager')
    const response = await client
      .put('/operator')
      .loginAs(manager)
      .header('referer', '/operator/edit')
      .form({ ...operatorForm, vatNumber: 'FR27552120222', bic: '' })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      vatNumber: ['Ce numéro de TVA ne reprend pas le SIREN du SIRET saisi.'],
      bic: ['Ce champ est obligatoire.'],
    })
  })

  test('tenants and officials are refused', async ({ client }) => {
    for (const role of ['tenant', 'official'] as const) {
      const user = await createUser(role)
      const page = await client.get('/operator/edit').loginAs(user)
      page.assertStatus(403)
      const put = await client.put('/operator').loginAs(user).form(operatorForm).withCsrfToken()
      put.assertStatus(403)
    }
  })
})
