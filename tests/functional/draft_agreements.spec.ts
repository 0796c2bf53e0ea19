import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Agreement from '#models/agreement'
import AuditEvent from '#models/audit_event'
import { createCompany, createUser } from '#tests/support/fixtures'
import { createCell, openAgreement } from '#tests/support/agreements'
import { visibleText } from '#tests/support/html'
import { assertPage } from '#tests/support/pages'
import { day } from '#domain/periods'

/**
 * A draft that will never be signed is discarded, not deleted: it stays with its history,
 * but holds no cell any more (plan, deadlines, rent roll and overlap checks ignore it).
 */
test.group('Draft agreements: discarding', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a draft is discarded after a second thought; its cells are free again', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await createCompany('Hésitante')
    const cell = await createCell({ code: 'D-1' })
    const draft = await openAgreement({
      companyId: company.id,
      cellIds: [cell.id],
      startsOn: day('2027-01-01'),
      endsOn: day('2027-12-31'),
    })

    const show = await client.get(`/agreements/${draft.id}`).loginAs(manager)
    assert.include(show.text(), `href="/agreements/${draft.id}/discard/create"`)

    const page = await client.get(`/agreements/${draft.id}/discard/create`).loginAs(manager)
    assertPage(page, 'Abandonner le brouillon de convention')
    const text = visibleText(page.text())
    assert.include(text, 'Cellules D-1, du 1er janvier 2027 au 31 décembre 2027.')
    assert.include(text, "l'abandon est définitif")
    assert.include(page.text(), `action="/agreements/${draft.id}/discard"`)
    await draft.refresh()
    assert.equal(draft.status, 'draft', 'the page changes nothing')

    // Before: the plan shows the cell taken by the draft.
    const before = await client.get('/').qs({ on: '2027-03-01' }).loginAs(manager)
    assert.notInclude(
      before.text().replace(/&amp;/g, '&'),
      `cell_ids=${cell.id}&starts_on=2027-03-01`
    )

    const discarded = await client
      .post(`/agreements/${draft.id}/discard`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    discarded.assertHeader('location', `/agreements/${draft.id}`)
    assert.property(discarded.flashMessages(), 'success')
    await draft.refresh()
    assert.equal(draft.status, 'discarded')

    const event = await AuditEvent.query()
      .where('subject_type', 'Agreement')
      .where('subject_id', draft.id)
      .where('action', 'agreement.discarded')
      .firstOrFail()
    assert.equal(event.userId, manager.id)
    assert.equal(event.beforeValues!.status, 'draft')
    assert.equal(event.afterValues!.status, 'discarded')

    const after = await client.get(`/agreements/${draft.id}`).loginAs(manager)
    const afterText = visibleText(after.text())
    assert.include(afterText, 'Abandonnée')
    assert.include(afterText, 'Brouillon abandonné')
    assert.notInclude(after.text(), `/agreements/${draft.id}/activation/create`)
    assert.notInclude(after.text(), `/agreements/${draft.id}/discard/create`)

    // The plan offers the cell again, and another agreement may take it over the same period.
    const plan = await client.get('/').qs({ on: '2027-03-01' }).loginAs(manager)
    assert.include(plan.text().replace(/&amp;/g, '&'), `cell_ids=${cell.id}&starts_on=2027-03-01`)
    const other = await createCompany('Décidée')
    const taken = await openAgreement({
      companyId: other.id,
      cellIds: [cell.id],
      startsOn: day('2027-01-01'),
      endsOn: day('2027-12-31'),
    })
    assert.equal(taken.status, 'draft')
  })

  test('a signed agreement cannot be discarded', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const company = await createCompany()
    const cell = await createCell()
    const agreement = await openAgreement({ companyId: company.id, cellIds: [cell.id] })
    await Agreement.query().where('id', agreement.id).update({ status: 'active' })

    const show = await client.get(`/agreements/${agreement.id}`).loginAs(manager)
    assert.equal(show.status(), 200)
    assert.notInclude(show.text(), `/agreements/${agreement.id}/discard/create`)
    const page = await client.get(`/agreements/${agreement.id}/discard/create`).loginAs(manager)
    page.assertStatus(403)

    const refused = await client
      .post(`/agreements/${agreement.id}/discard`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(302)
    assert.notProperty(refused.flashMessages(), 'success')
    await agreement.refresh()
    assert.equal(agreement.status, 'active')
    const events = await AuditEvent.query()
      .where('subject_id', agreement.id)
      .where('action', 'agreement.discarded')
    assert.lengthOf(events, 0)
  })
})

/** The edit form's fields for a draft's new terms, to be spoiled field by field. */
function terms(companyId: number, cellIds: number[], overrides: Record<string, unknown> = {}) {
  return {
    companyId: String(companyId),
    cellIds: cellIds.map(String),
    startsOn: '2027-02-01',
    endsOn: '2028-01-31',
    noticeMonths: '2',
    rentSteps: ['9', '10,50', '12'],
    monthlyCharges: '60',
    deposit: '1 500',
    ...overrides,
  }
}

/** A draft of a new company on a new cell, for 2027. */
async function draftFor(code: string) {
  const company = await createCompany('Atelier Brouillon')
  const cell = await createCell({ code })
  const draft = await openAgreement({
    companyId: company.id,
    cellIds: [cell.id],
    startsOn: day('2027-01-01'),
    endsOn: day('2027-12-31'),
  })
  return { company, cell, draft }
}

/**
 * A draft's terms change until it is signed (company, cells, period, rent, notice, charges,
 * deposit), under the drafting's rules; a signed, terminated or discarded agreement does not.
 */
test.group('Draft agreements: editing', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a manager edits a draft: new terms and cells, recorded in words', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const { cell, draft } = await draftFor('E-1')
    const other = await createCompany('Escale Numérique')
    const [second, third] = [await createCell({ code: 'E-2' }), await createCell({ code: 'E-3' })]

    const show = await client.get(`/agreements/${draft.id}`).loginAs(manager)
    assert.include(show.text(), `href="/agreements/${draft.id}/edit"`)

    const page = await client.get(`/agreements/${draft.id}/edit`).loginAs(manager)
    assertPage(page, "Modifier le brouillon de convention d'Atelier Brouillon")
    const html = page.text()
    assert.include(html, `action="/agreements/${draft.id}?_method=PUT"`)
    assert.match(html, new RegExp(`value="${draft.companyId}"\\s+selected`))
    assert.match(html, new RegExp(`id="cell-${cell.id}"[^>]*value="${cell.id}"\\s+checked`))
    assert.match(html, /name="startsOn"[^>]*value="2027-01-01"/)
    assert.match(html, /name="rentSteps\[\]"[^>]*value="11,5"/)
    assert.match(html, /name="deposit"[^>]*value="400"/)
    // Its own cell is free for it over its period.
    assert.match(visibleText(html), /E-1 — [^]*?Libre sur la période/)

    const saved = await client
      .put(`/agreements/${draft.id}`)
      .loginAs(manager)
      .header('referer', `/agreements/${draft.id}/edit`)
      .form(terms(other.id, [second.id, third.id]))
      .withCsrfToken()
      .redirects(0)
    saved.assertStatus(302)
    saved.assertHeader('location', `/agreements/${draft.id}`)
    assert.equal(saved.flashMessage('success'), 'Le brouillon est modifié.')

    await draft.refresh()
    await draft.load('cells')
    assert.equal(draft.status, 'draft')
    assert.equal(draft.companyId, other.id)
    assert.deepEqual(draft.cells.map((entry) => entry.code).sort(), ['E-2', 'E-3'])
    assert.equal(draft.startsOn.toISODate(), '2027-02-01')
    assert.equal(draft.endsOn.toISODate(), '2028-01-31')
    assert.equal(draft.noticeMonths, 2)
    assert.deepEqual(draft.rentSteps, [900, 1050, 1200])
    assert.equal(draft.monthlyChargesCents, 6000)
    assert.equal(draft.depositCents, 150000)

    const event = await AuditEvent.query()
      .where('subject_type', 'Agreement')
      .where('subject_id', draft.id)
      .where('action', 'agreement.revised')
      .firstOrFail()
    assert.equal(event.userId, manager.id)

    const after = await client.get(`/agreements/${draft.id}`).loginAs(manager)
    const text = visibleText(after.text())
    const history = text.slice(text.indexOf('Historique'))
    assert.include(history, 'Brouillon modifié')
    assert.match(history, /Entreprise : Atelier Brouillon \d+ → Escale Numérique \d+/)
    assert.include(history, 'Cellules : E-1 → E-2, E-3')
    assert.include(history, 'Début : 1er janvier 2027 → 1er février 2027')
    assert.include(history, 'Fin prévue : 31 décembre 2027 → 31 janvier 2028')
    assert.include(history, 'Préavis : 3 mois → 2 mois')
    assert.include(history, 'Dépôt de garantie : 400,00 € → 1 500,00 €')
    assert.include(history, 'Charges mensuelles : 50,00 € → 60,00 €')
    assert.include(
      history,
      'Paliers de loyer : 10,00 € / 11,50 € / 13,00 € par m² et par mois → 9,00 € / 10,50 € / 12,00 € par m² et par mois'
    )

    // Its former cell is free again: another agreement takes it over the same period.
    const taker = await createCompany()
    const taken = await openAgreement({
      companyId: taker.id,
      cellIds: [cell.id],
      startsOn: day('2027-01-01'),
      endsOn: day('2027-12-31'),
    })
    assert.equal(taken.status, 'draft')
  })

  test('each drafting rule refuses the edit, by its field, the input kept, nothing saved', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const { company, cell, draft } = await draftFor('F-1')
    const holder = await createCompany('Occupante')
    const held = await createCell({ code: 'F-2' })
    await openAgreement({
      companyId: holder.id,
      cellIds: [held.id],
      startsOn: day('2027-06-01'),
      endsOn: day('2027-12-31'),
    })

    const cases: [Record<string, unknown>, string, string][] = [
      [
        { cellIds: [String(cell.id), String(held.id)] },
        'cellIds',
        'Déjà occupée sur cette période\u00a0: F-2.',
      ],
      [
        { endsOn: '2031-12-31' },
        'endsOn',
        'Le séjour dépasserait 48 mois\u00a0: la convention doit finir au plus tard le 31 janvier 2031.',
      ],
      [{ endsOn: '2027-01-01' }, 'endsOn', 'La fin doit suivre le début.'],
      [
        { rentSteps: ['12', '10', '11'] },
        'rentSteps',
        "Les paliers doivent être positifs et ne jamais baisser d'une année à l'autre.",
      ],
    ]
    for (const [overrides, field, message] of cases) {
      const refused = await client
        .put(`/agreements/${draft.id}`)
        .loginAs(manager)
        .header('referer', `/agreements/${draft.id}/edit`)
        .form(terms(company.id, [cell.id], overrides))
        .withCsrfToken()
        .redirects(0)
      refused.assertStatus(302)
      refused.assertHeader('location', `/agreements/${draft.id}/edit`)
      refused.assertFlashMessage('inputErrorsBag', { [field]: [message] })
      assert.notProperty(refused.flashMessages(), 'success')

      // The form comes back with the message by its field and what was typed.
      const page = await client
        .get(`/agreements/${draft.id}/edit`)
        .loginAs(manager)
        .withFlashMessages(refused.flashMessages())
      page.assertStatus(200)
      assert.include(visibleText(page.text()), visibleText(message))
      assert.match(page.text(), /name="deposit"[^>]*value="1 500"/)
      assert.match(page.text(), /name="startsOn"[^>]*value="2027-02-01"/)
    }

    await draft.refresh()
    await draft.load('cells')
    assert.equal(draft.startsOn.toISODate(), '2027-01-01')
    assert.equal(draft.depositCents, 40000)
    assert.deepEqual(
      draft.cells.map((entry) => entry.code),
      ['F-1']
    )
    const events = await AuditEvent.query()
      .where('subject_id', draft.id)
      .where('action', 'agreement.revised')
    assert.lengthOf(events, 0)
  })

  test('a signed, terminated or discarded agreement is not edited: the page says why', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const { company, cell, draft } = await draftFor('G-1')
    for (const status of ['active', 'terminated', 'discarded'] as const) {
      await Agreement.query().where('id', draft.id).update({ status })

      const show = await client.get(`/agreements/${draft.id}`).loginAs(manager)
      assert.equal(show.status(), 200)
      assert.notInclude(show.text(), `/agreements/${draft.id}/edit`)

      const page = await client.get(`/agreements/${draft.id}/edit`).loginAs(manager).redirects(0)
      page.assertStatus(302)
      page.assertHeader('location', `/agreements/${draft.id}`)
      const message =
        'Seul un brouillon peut être modifié\u00a0: une convention signée se renouvelle, change de cellules ou se résilie.'
      page.assertFlashMessage('error', message)

      const refused = await client
        .put(`/agreements/${draft.id}`)
        .loginAs(manager)
        .header('referer', `/agreements/${draft.id}`)
        .form(terms(company.id, [cell.id]))
        .withCsrfToken()
        .redirects(0)
      refused.assertStatus(302)
      refused.assertFlashMessage('error', message)
      await draft.refresh()
      assert.equal(draft.status, status)
      assert.equal(draft.startsOn.toISODate(), '2027-01-01')
    }
    const events = await AuditEvent.query()
      .where('subject_id', draft.id)
      .where('action', 'agreement.revised')
    assert.lengthOf(events, 0)
  })

  test('tenants and officials may not edit a draft, even their own; an unknown one is 404', async ({
    client,
    assert,
  }) => {
    const { company, cell, draft } = await draftFor('H-1')
    const tenant = await createUser('tenant', { companyId: company.id })
    const official = await createUser('official')
    for (const user of [tenant, official]) {
      const page = await client.get(`/agreements/${draft.id}/edit`).loginAs(user)
      page.assertStatus(403)
      const refused = await client
        .put(`/agreements/${draft.id}`)
        .loginAs(user)
        .form(terms(company.id, [cell.id]))
        .withCsrfToken()
        .redirects(0)
      refused.assertStatus(403)
    }
    await draft.refresh()
    assert.equal(draft.startsOn.toISODate(), '2027-01-01')

    const manager = await createUser('manager')
    const unknown = await client.get('/agreements/2147483647/edit').loginAs(manager)
    unknown.assertStatus(404)
    const missing = await client
      .put('/agreements/2147483647')
      .loginAs(manager)
      .form(terms(company.id, [cell.id]))
      .withCsrfToken()
      .redirects(0)
    missing.assertStatus(404)
  })
})

/**
 * "Vérifier les disponibilités" is a button of the agreement form itself (a GET to the
 * form's page): the form comes back with every field as typed, and each cell free or not.
 */
test.group('Agreement form: checking the cells keeps what was typed', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  /** The form's fields as a GET submit sends them (lists with "[]"), the token too. */
  function typed(companyId: number, cellIds: number[]) {
    const query = new URLSearchParams({
      _csrf: 'the-form-token',
      companyId: String(companyId),
      startsOn: '2027-03-01',
      endsOn: '2027-10-31',
      noticeMonths: '5',
      monthlyCharges: '12,50',
      deposit: '2 000',
    })
    for (const id of cellIds) query.append('cellIds[]', String(id))
    for (const step of ['8', '9', '9,50']) query.append('rentSteps[]', step)
    return query
  }

  /** Asserts that the page shows every field as typed. */
  function assertKept(assert: any, html: string, companyId: number, cellIds: number[]) {
    assert.match(html, new RegExp(`value="${companyId}"\\s+selected`))
    for (const id of cellIds) {
      assert.match(html, new RegExp(`id="cell-${id}"[^>]*value="${id}"\\s+checked`))
    }
    assert.match(html, /name="startsOn"[^>]*value="2027-03-01"/)
    assert.match(html, /name="endsOn"[^>]*value="2027-10-31"/)
    assert.match(html, /name="noticeMonths"[^>]*value="5"/)
    assert.match(html, /name="rentSteps\[\]"[^>]*value="9,50"/)
    assert.match(html, /name="monthlyCharges"[^>]*value="12,50"/)
    assert.match(html, /name="deposit"[^>]*value="2 000"/)
  }

  test('on the drafting form: company, cells, dates, steps, notice, charges, deposit kept', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await createCompany('Choisie')
    const [free, taken] = [await createCell({ code: 'K-1' }), await createCell({ code: 'K-2' })]
    const holder = await createCompany('Occupante')
    await openAgreement({
      companyId: holder.id,
      cellIds: [taken.id],
      startsOn: day('2027-01-01'),
      endsOn: day('2027-06-30'),
    })
    const query = typed(company.id, [free.id, taken.id])

    // The form's token never stays in the address: the same page without it.
    const sent = await client.get(`/agreements/create?${query}`).loginAs(manager).redirects(0)
    sent.assertStatus(302)
    const location = sent.header('location')!
    assert.notInclude(location, '_csrf')
    assert.include(location, `companyId=${company.id}`)

    const page = await client.get(location).loginAs(manager)
    assertPage(page, "Nouvelle convention d'occupation")
    assertKept(assert, page.text(), company.id, [free.id, taken.id])
    const text = visibleText(page.text())
    assert.include(text, 'Disponibilités du 1er mars 2027 au 31 octobre 2027')
    assert.include(text, `Occupée : ${holder.name}, du 1er janvier 2027 au 30 juin 2027`)
  })

  test('on a draft’s edit form: what was typed, not the stored terms', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const { draft, cell: stored } = await draftFor('L-1')
    const company = await createCompany('Choisie')
    const cell = await createCell({ code: 'L-2' })
    const query = typed(company.id, [cell.id])
    query.delete('_csrf')

    const page = await client.get(`/agreements/${draft.id}/edit?${query}`).loginAs(manager)
    assertPage(page, "Modifier le brouillon de convention d'Atelier Brouillon")
    assertKept(assert, page.text(), company.id, [cell.id])
    assert.notMatch(
      page.text(),
      new RegExp(`id="cell-${stored.id}"[^>]*value="${stored.id}"\\s+checked`)
    )
    assert.match(
      page.text(),
      new RegExp(`<button[^>]*formaction="/agreements/${draft.id}/edit"\\s+formmethod="get"`)
    )
  })

  test('an address with odd values gives the form back, never an error', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const { draft } = await draftFor('M-1')
    const odd =
      'companyId[]=1&cellIds[a]=2&startsOn=2027-13-45&endsOn=' +
      '9'.repeat(2000) +
      '&rentSteps[x][y]=1&noticeMonths[]=2&deposit=%3Cscript%3E'
    for (const path of ['/agreements/create', `/agreements/${draft.id}/edit`]) {
      const page = await client.get(`${path}?${odd}`).loginAs(manager)
      page.assertStatus(200)
      assert.notInclude(page.text(), '<script>')
      assert.include(page.text(), 'value="&lt;script&gt;"')
      assert.notInclude(visibleText(page.text()), 'Disponibilités du')
    }
  })
})
