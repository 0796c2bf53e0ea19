import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Agreement from '#models/agreement'
import Declaration from '#models/declaration'
import { createCompany, createUser } from '#tests/support/fixtures'
import { createCell, openAgreement } from '#tests/support/agreements'
import { assertPage } from '#tests/support/pages'
import { visibleText } from '#tests/support/html'
import { day, today } from '#domain/periods'

/** The links of a page whose address starts with a path, with their "&amp;" decoded. */
function linksTo(html: string, path: string) {
  return [...html.matchAll(/href="([^"]+)"/g)]
    .map((match) => match[1].replace(/&amp;/g, '&'))
    .filter((href) => href.startsWith(path))
}

/**
 * The manager's home offers the next action where the plan and the deadlines call for one:
 * allocate a free cell, renew an agreement ending soon, validate waiting declarations.
 */
test.group('Next actions on the manager home', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a free cell on the plan offers to allocate it from the day shown, prefilled', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await createCompany()
    const free = await createCell({ code: 'L-1' })
    const taken = await createCell({ code: 'O-1' })
    await openAgreement({
      companyId: company.id,
      cellIds: [taken.id],
      startsOn: day('2027-01-01'),
      endsOn: day('2027-12-31'),
    })

    const home = await client.get('/').qs({ on: '2027-03-01' }).loginAs(manager)
    assert.equal(home.status(), 200)
    const allocations = linksTo(home.text(), '/agreements/create')
    assert.include(allocations, `/agreements/create?cell_ids=${free.id}&starts_on=2027-03-01`)
    assert.isFalse(
      allocations.some((href) => href.includes(`cell_ids=${taken.id}&`)),
      'an occupied cell is not offered'
    )

    const form = await client
      .get('/agreements/create')
      .qs({ cell_ids: String(free.id), starts_on: '2027-03-01' })
      .loginAs(manager)
    assertPage(form, "Nouvelle convention d'occupation")
    assert.match(form.text(), new RegExp(`value="${free.id}"\\s+checked`))
    assert.notMatch(form.text(), new RegExp(`value="${taken.id}"\\s+checked`))
    assert.match(
      form.text(),
      /name="startsOn"[^>]*value="2027-03-01"|value="2027-03-01"[^>]*name="startsOn"/
    )
  })

  test('an agreement ending soon offers its renewal; one terminated early does not', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const soon = await createCompany('Bientôt')
    const soonCell = await createCell()
    const ending = await openAgreement({
      companyId: soon.id,
      cellIds: [soonCell.id],
      startsOn: today().minus({ months: 6 }),
      endsOn: today().plus({ days: 40 }),
    })
    await Agreement.query().where('id', ending.id).update({ status: 'active' })
    const early = await createCompany('Résiliée')
    const earlyCell = await createCell()
    const terminated = await openAgreement({
      companyId: early.id,
      cellIds: [earlyCell.id],
      startsOn: today().minus({ months: 6 }),
      endsOn: today().plus({ months: 6 }),
    })
    await Agreement.query()
      .where('id', terminated.id)
      .update({ status: 'terminated', terminated_on: today().plus({ days: 20 }).toISODate() })

    const home = await client.get('/').loginAs(manager)
    assert.equal(home.status(), 200)
    const renewals = linksTo(home.text(), '/agreements/')
    assert.include(renewals, `/agreements/${ending.id}/renewal/create`)
    assert.include(renewals, `/agreements/${terminated.id}`, 'listed among the agreements ending')
    assert.notInclude(renewals, `/agreements/${terminated.id}/renewal/create`)

    const renewal = await client.get(`/agreements/${ending.id}/renewal/create`).loginAs(manager)
    assert.equal(renewal.status(), 200)
  })

  test('declarations awaiting validation lead to validating them', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const company = await createCompany('Déclarante')
    company.status = 'hosted'
    company.enteredOn = day('2026-01-01')
    await company.save()
    const declaration = await Declaration.create({
      companyId: company.id,
      kind: 'entry',
      periodOn: day('2026-01-01'),
      executives: 1,
      permanent: 2,
      fixedTerm: 0,
      apprentices: 0,
      interns: 0,
      status: 'submitted',
    })

    const home = await client.get('/').loginAs(manager)
    assert.include(home.text(), '1 déclaration attend votre validation')
    assert.include(linksTo(home.text(), '/declarations'), '/declarations#pending-title')

    const list = await client.get('/declarations').loginAs(manager)
    assertPage(list, 'Déclarations')
    assert.include(list.text(), 'id="pending-title"')
    assert.include(list.text(), `action="/declarations/${declaration.id}/validation"`)

    const validated = await client
      .post(`/declarations/${declaration.id}/validation`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    validated.assertStatus(302)
    await declaration.refresh()
    assert.equal(declaration.status, 'validated')
    const after = await client.get('/').loginAs(manager)
    assert.notInclude(after.text(), 'attend votre validation')
  })

  test('with a period, the agreement form tells which cells are free, the free ones first', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const holder = await createCompany('Occupante')
    const taken = await createCell({ code: 'A-01' })
    const free = await createCell({ code: 'B-01' })
    await openAgreement({
      companyId: holder.id,
      cellIds: [taken.id],
      startsOn: day('2027-01-01'),
      endsOn: day('2027-06-30'),
    })

    const plain = await client.get('/agreements/create').loginAs(manager)
    assertPage(plain, "Nouvelle convention d'occupation")
    assert.notInclude(plain.text(), 'Libre sur la période')
    assert.include(plain.text(), 'Vérifier les disponibilités')
    // The check is a button of the agreement form itself: it sends every field typed.
    assert.match(
      plain.text(),
      /<button[^>]*formaction="\/agreements\/create"\s+formmethod="get"[^>]*>\s*Vérifier les disponibilités/
    )

    const checked = await client
      .get('/agreements/create')
      .qs({ starts_on: '2027-06-01', ends_on: '2027-12-31' })
      .loginAs(manager)
    assertPage(checked, "Nouvelle convention d'occupation")
    const html = checked.text()
    const text = visibleText(html)
    assert.include(text, 'B-01')
    assert.include(text, 'Libre sur la période')
    assert.include(text, `Occupée : ${holder.name}, du 1er janvier 2027 au 30 juin 2027`)
    assert.isBelow(html.indexOf(`id="cell-${free.id}"`), html.indexOf(`id="cell-${taken.id}"`))
    // The dates are kept in the agreement's own fields.
    assert.match(
      html,
      /name="startsOn"[^>]*value="2027-06-01"|value="2027-06-01"[^>]*name="startsOn"/
    )
    assert.match(html, /name="endsOn"[^>]*value="2027-12-31"|value="2027-12-31"[^>]*name="endsOn"/)

    // After the holder's end, the cell is free too.
    const later = await client
      .get('/agreements/create')
      .qs({ starts_on: '2027-07-01', ends_on: '2027-12-31' })
      .loginAs(manager)
    assert.notInclude(visibleText(later.text()), 'Occupée')
  })
})
