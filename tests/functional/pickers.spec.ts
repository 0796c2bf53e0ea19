import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import { CompanyFactory } from '#database/factories/company_factory'
import { createUser } from '#tests/support/fixtures'
import { assertPage } from '#tests/support/pages'
import { today } from '#domain/periods'

/** The options of a select, by group (a placeholder outside any group left out), in order. */
function optionsOf(html: string, name: string) {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)
  if (!select) throw new Error(`no select named ${name}`)
  const groups: { label: string; options: string[] }[] = [{ label: '', options: [] }]
  for (const tag of select[1].matchAll(/<optgroup label="([^"]*)"|<option[^>]*>([^<]*)</g)) {
    if (tag[1] !== undefined) groups.push({ label: tag[1], options: [] })
    else groups.at(-1)!.options.push(tag[2].trim())
  }
  return groups.filter((group) => group.label && group.options.length)
}

/** Companies at each stage, with names that a byte order would put in the wrong place. */
async function companiesAtEveryStage() {
  const stamp = Date.now()
  const entered = today().minus({ years: 1 })
  return {
    zebre: await CompanyFactory.merge({
      name: `Atelier Zèbre ${stamp}`,
      status: 'hosted',
      enteredOn: entered,
    }).create(),
    energie: await CompanyFactory.merge({
      name: `Atelier Énergie ${stamp}`,
      status: 'hosted',
      enteredOn: entered,
    }).create(),
    candidate: await CompanyFactory.merge({ name: `Écluse Candidate ${stamp}` }).create(),
    left: await CompanyFactory.merge({
      name: `Partie Depuis ${stamp}`,
      status: 'alumni',
      enteredOn: entered.minus({ years: 3 }),
      exitOn: today().minus({ years: 2 }),
    }).create(),
    leaving: await CompanyFactory.merge({
      name: `Sur Le Départ ${stamp}`,
      status: 'alumni',
      enteredOn: entered,
      exitOn: today().plus({ days: 10 }),
    }).create(),
    archived: await CompanyFactory.merge({
      name: `Archivée ${stamp}`,
      archivedAt: DateTime.utc(),
    }).create(),
  }
}

test.group('Pickers: the companies that can act, in French order', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the booking form offers the hosted then the candidates, never one that left', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const c = await companiesAtEveryStage()
    const response = await client.get('/bookings/create').loginAs(manager)
    assertPage(response, 'Réserver une salle')

    const groups = optionsOf(response.text(), 'companyId')
    assert.deepEqual(
      groups.map((entry) => entry.label),
      ['Hébergées', 'Candidates']
    )
    const hosted = groups[0].options
    assert.isBelow(hosted.indexOf(c.energie.name), hosted.indexOf(c.zebre.name))
    assert.include(hosted, c.leaving.name, 'a company leaving later books until its last day')
    assert.include(groups[1].options, c.candidate.name)
    const offered = groups.flatMap((entry) => entry.options)
    assert.notInclude(offered, c.left.name)
    assert.notInclude(offered, c.archived.name)
  })

  test('the agreement form offers no company that left or is leaving', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const c = await companiesAtEveryStage()
    const response = await client.get('/agreements/create').loginAs(manager)
    assertPage(response, "Nouvelle convention d'occupation")

    const groups = optionsOf(response.text(), 'companyId')
    assert.deepEqual(
      groups.map((entry) => entry.label),
      ['Hébergées', 'Candidates']
    )
    assert.isBelow(
      groups[0].options.indexOf(c.energie.name),
      groups[0].options.indexOf(c.zebre.name)
    )
    const offered = groups.flatMap((entry) => entry.options)
    for (const gone of [c.left, c.leaving, c.archived]) assert.notInclude(offered, gone.name)
  })

  test("an account's form offers those that left last, an archived one only as its value", async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const c = await companiesAtEveryStage()
    const tenant = await createUser('tenant', { companyId: c.archived.id })

    const edit = await client.get(`/users/${tenant.id}/edit`).loginAs(manager)
    assert.equal(edit.status(), 200)
    const offered = optionsOf(edit.text(), 'companyId')
    assert.deepEqual(offered.at(-1), { label: 'Archivées', options: [c.archived.name] })
    assert.include(offered.find((entry) => entry.label === 'Sorties')!.options, c.left.name)

    const create = await client.get('/users/create').loginAs(manager)
    assertPage(create, 'Nouveau compte')
    assert.notInclude(
      optionsOf(create.text(), 'companyId').flatMap((entry) => entry.options),
      c.archived.name
    )
  })

  test('the companies list is in French order, on every page', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const c = await companiesAtEveryStage()
    const response = await client.get('/companies').qs({ q: 'Atelier' }).loginAs(manager)
    assertPage(response, 'Entreprises')
    const text = response.text()
    assert.isAbove(text.indexOf(c.energie.name), 0)
    assert.isBelow(text.indexOf(c.energie.name), text.indexOf(c.zebre.name))

    // By status: hosted ones still in French order among themselves.
    const byStatus = await client
      .get('/companies')
      .qs({ q: 'Atelier', sort: 'status' })
      .loginAs(manager)
    assert.isBelow(byStatus.text().indexOf(c.energie.name), byStatus.text().indexOf(c.zebre.name))

    // The second page follows the first in the same order (26 companies, 25 a page).
    const stamp = Date.now()
    for (let index = 0; index < 26; index++) {
      await CompanyFactory.merge({ name: `Paginée ${stamp} ${index}` }).create()
    }
    const first = await client
      .get('/companies')
      .qs({ q: `Paginée ${stamp}` })
      .loginAs(manager)
    const second = await client
      .get('/companies')
      .qs({ q: `Paginée ${stamp}`, page: 2 })
      .loginAs(manager)
    assert.include(first.text(), `Paginée ${stamp} 9<`)
    assert.notInclude(first.text(), `Paginée ${stamp} 25<`)
    assert.include(second.text(), `Paginée ${stamp} 25<`)
  })
})
