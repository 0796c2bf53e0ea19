import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import DeclarationsRemind from '#commands/declarations_remind'
import Company from '#models/company'
import Declaration from '#models/declaration'
import DeclarationReminder from '#models/declaration_reminder'
import OutgoingEmail from '#models/outgoing_email'
import db from '@adonisjs/lucid/services/db'
import { recordedMails } from '#mails/transports/recording_transport'
import { mailServerDown } from '#tests/support/mail'
import { day } from '#domain/periods'
import { createUser } from '#tests/support/fixtures'
import { countQueries } from '#tests/support/queries'
import { visibleText } from '#tests/support/html'
import { assertPage } from '#tests/support/pages'

/** A company hosted since 2026-01-15: on 2026-05-10 its entry and first quarter are due. */
async function hosted(name: string, overrides: Partial<Company> = {}) {
  return Company.create({
    name,
    sector: 'software',
    status: 'hosted',
    enteredOn: day('2026-01-15'),
    ...overrides,
  })
}

/** A declaration of the company for a period (submitted unless said otherwise). */
async function declare(
  company: Company,
  kind: 'entry' | 'quarter',
  periodOn: string,
  status: 'submitted' | 'validated' = 'submitted'
) {
  return Declaration.create({
    companyId: company.id,
    kind,
    periodOn: day(periodOn),
    executives: 1,
    permanent: 0,
    fixedTerm: 0,
    apprentices: 0,
    interns: 0,
    status,
  })
}

/** Runs `node ace declarations:remind --on=…` and returns the command and its output. */
async function remind(on: string) {
  const command = await ace.create(DeclarationsRemind, [`--on=${on}`])
  command.ui.switchMode('raw')
  await command.exec()
  const output = command.logger
    .getLogs()
    .map((log) => log.message)
    .join('\n')
  return { command, output }
}

test.group('Declaration reminders (node ace declarations:remind)', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => recordedMails.clear())

  test('one email per company with missing declarations, to its active tenants', async ({
    assert,
  }) => {
    const late = await hosted('Retardataire')
    const first = await createUser('tenant', { companyId: late.id })
    const second = await createUser('tenant', { companyId: late.id })
    await createUser('tenant', { companyId: late.id, disabledAt: DateTime.utc() })
    await createUser('manager')
    await createUser('official')

    const noAccount = await hosted('Sans Compte', { email: 'contact@sans-compte.example' })
    const unreachable = await hosted('Injoignable')

    // Fully declared (a declaration awaiting validation is not missing): no email.
    const upToDate = await hosted('À Jour')
    const neighbour = await createUser('tenant', { companyId: upToDate.id })
    await declare(upToDate, 'entry', '2026-01-15', 'validated')
    await declare(upToDate, 'quarter', '2026-03-31')

    // Neither archived companies nor companies not yet entered are reminded.
    await hosted('Archivée', { status: 'alumni', archivedAt: DateTime.utc() })
    await Company.create({ name: 'Candidate', sector: 'software' })
    await hosted('Pas Encore Entrée', { enteredOn: day('2026-06-01') })

    const { command, output } = await remind('2026-05-10')
    command.assertSucceeded()

    assert.lengthOf(recordedMails.messages, 2)
    const [toLate] = recordedMails.to(first.email)
    assert.deepEqual(toLate.to, [first.email, second.email])
    assert.equal(toLate.subject, "Déclaration d'effectif à faire — Retardataire")
    assert.deepEqual(toLate.from, {
      address: 'pepiniere@nouvelle-forge.example',
      name: 'Pépinière — Nouvelle Forge',
    })
    assert.include(
      toLate.text,
      "Pour Retardataire, 2 déclarations d'effectif sont attendues par la pépinière :"
    )
    assert.include(toLate.text, '- Entrée — 15 janvier 2026')
    assert.include(toLate.text, '- Trimestre — 31 mars 2026')
    assert.include(toLate.text, `http://localhost:3333/companies/${late.id}/declarations`)
    assert.notInclude(toLate.text, '&#')
    const html = visibleText(toLate.html)
    assert.include(html, 'Entrée — 15 janvier 2026')
    assert.include(html, 'Trimestre — 31 mars 2026')
    assert.include(toLate.html, `href="http://localhost:3333/companies/${late.id}/declarations"`)

    const [toContact] = recordedMails.to('contact@sans-compte.example')
    assert.deepEqual(toContact.to, ['contact@sans-compte.example'])
    assert.equal(toContact.subject, "Déclaration d'effectif à faire — Sans Compte")

    // Nobody receives another company's reminder.
    assert.lengthOf(recordedMails.to(neighbour.email), 0)
    for (const message of recordedMails.messages) assert.notInclude(message.to, neighbour.email)

    const reminders = await DeclarationReminder.query().orderBy('company_id').orderBy('period_on')
    assert.deepEqual(
      reminders.map((reminder) => [
        reminder.companyId,
        reminder.kind,
        reminder.periodOn.toISODate(),
      ]),
      [
        [late.id, 'entry', '2026-01-15'],
        [late.id, 'quarter', '2026-03-31'],
        [noAccount.id, 'entry', '2026-01-15'],
        [noAccount.id, 'quarter', '2026-03-31'],
      ]
    )
    assert.deepEqual(reminders[0].recipientList, [first.email, second.email])
    assert.notInclude(
      reminders.map((reminder) => reminder.companyId),
      unreachable.id
    )
    assert.include(output, 'Injoignable : aucun destinataire')
    assert.include(
      output,
      "Rappels de déclarations d'effectif au 10 mai 2026 : 2 rappels envoyés, 1 entreprise sans destinataire, aucun échec."
    )
  })

  test('a second run sends nothing; a newly missing period is reminded once', async ({
    assert,
  }) => {
    const late = await hosted('Retardataire')
    const tenant = await createUser('tenant', { companyId: late.id })
    const caughtUp = await hosted('Rattrape')
    const other = await createUser('tenant', { companyId: caughtUp.id })

    await remind('2026-05-10')
    assert.lengthOf(recordedMails.messages, 2)

    recordedMails.clear()
    const again = await remind('2026-05-10')
    again.command.assertSucceeded()
    assert.lengthOf(recordedMails.messages, 0)
    assert.include(again.output, 'aucun rappel envoyé')

    // By 2026-07-05 the second quarter is due. Rattrape declared it and its first quarter:
    // its only missing period (entry) was already reminded, so it gets nothing.
    await declare(caughtUp, 'quarter', '2026-03-31')
    await declare(caughtUp, 'quarter', '2026-06-30')
    recordedMails.clear()
    await remind('2026-07-05')
    assert.lengthOf(recordedMails.messages, 1)
    const [message] = recordedMails.messages
    assert.deepEqual(message.to, [tenant.email])
    assert.lengthOf(recordedMails.to(other.email), 0)
    const [fresh, earlier] = message.text.split('Restent aussi à déclarer, déjà rappelées :')
    assert.include(fresh, "Pour Retardataire, une déclaration d'effectif est attendue")
    assert.include(fresh, '- Trimestre — 30 juin 2026')
    assert.notInclude(fresh, '31 mars 2026')
    assert.include(earlier, '- Entrée — 15 janvier 2026')
    assert.include(earlier, '- Trimestre — 31 mars 2026')

    const rows = await DeclarationReminder.query().where('company_id', late.id)
    assert.lengthOf(rows, 3)

    recordedMails.clear()
    await remind('2026-07-05')
    assert.lengthOf(recordedMails.messages, 0)
  })

  test('a failed send stays in the outbox: sent once the server is back, never twice', async ({
    assert,
  }) => {
    const late = await hosted('Retardataire')
    const tenant = await createUser('tenant', { companyId: late.id })
    const serverBack = mailServerDown()
    try {
      const { command, output } = await remind('2026-05-10')
      command.assertFailed()
      assert.include(output, "1 rappel n'a pas pu partir (SMTP indisponible)")
    } finally {
      serverBack()
    }
    assert.lengthOf(recordedMails.messages, 0)
    assert.lengthOf(await DeclarationReminder.all(), 2)

    // A second run reminds nobody again; the outbox sends the email when it is due again.
    const { command } = await remind('2026-05-10')
    command.assertSucceeded()
    assert.lengthOf(recordedMails.messages, 0)
    await db.from('outgoing_emails').update({ deliver_after: '2000-01-01 00:00:00' })
    await OutgoingEmail.deliverDue()
    assert.lengthOf(recordedMails.messages, 1)
    assert.include(recordedMails.messages[0].to, tenant.email)
  })

  test('an invalid date makes the command fail', async () => {
    const { command } = await remind('2026-02-30')
    command.assertFailed()
  })

  test('the command reads in the same number of queries for 3 and 30 companies', async ({
    assert,
  }) => {
    /** Companies with a tenant each, missing their declarations on 2026-05-10. */
    async function companies(count: number) {
      const created = []
      for (let index = 1; index <= count; index++) {
        const company = await hosted(`Entreprise ${count}-${index}`)
        await createUser('tenant', { companyId: company.id })
        created.push(company)
      }
      return created
    }

    const few = await companies(3)
    const fewQueries = await countQueries(() => remind('2026-05-10'))
    assert.lengthOf(recordedMails.messages, 3)
    const fewAgain = await countQueries(() => remind('2026-05-10'))
    for (const company of few) {
      company.merge({ status: 'alumni', archivedAt: DateTime.utc() })
      await company.save()
    }

    recordedMails.clear()
    await companies(30)
    const manyQueries = await countQueries(() => remind('2026-05-10'))
    assert.lengthOf(recordedMails.messages, 30)
    const manyAgain = await countQueries(() => remind('2026-05-10'))

    // Reads are bounded; each email costs the same few queries: its reminders in one
    // insert, its email in the outbox, the data's new revision, and its delivery round.
    const perEmail = (manyQueries - fewQueries) / 27
    assert.equal(perEmail, Math.round(perEmail))
    assert.isAtMost(perEmail, 9)
    assert.equal(manyAgain, fewAgain)
    assert.isAtMost(fewAgain, 3)
  })
})

test.group('Managers’ list of missing declarations (GET /declarations)', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => recordedMails.clear())

  test('lists each company’s missing periods, the reminders sent and what awaits validation', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const late = await hosted('Retardataire')
    await createUser('tenant', { companyId: late.id })
    const pending = await hosted('En Attente')
    await declare(pending, 'entry', '2026-01-15')
    await remind('2026-02-01')
    const done = await hosted('À Jour')
    await declare(done, 'entry', '2026-01-15', 'validated')
    await declare(done, 'quarter', '2026-03-31', 'validated')

    const response = await client.get('/declarations').qs({ on: '2026-05-10' }).loginAs(manager)
    response.assertStatus(200)
    const text = visibleText(response.text())
    assert.include(text, 'Déclarations manquantes')
    assert.include(text, 'Au 10 mai 2026 : 2 entreprises avec des déclarations manquantes')
    assert.include(response.text(), `href="/companies/${late.id}/declarations"`)
    assert.match(text, /Retardataire Entrée — 15 janvier 2026 Envoyé le \d\d\/\d\d\/\d{4}/)
    assert.include(text, 'Trimestre — 31 mars 2026 Pas encore envoyé')
    assert.notInclude(text.split('En attente de validation')[0], 'À Jour')
    // "En Attente" declared its entry (awaiting validation): only its quarter is missing.
    assert.include(text, 'En Attente Trimestre — 31 mars 2026')
    assert.include(text, '1 déclaration envoyée, à valider')
    assert.include(text, 'En Attente Entrée — 15 janvier 2026')
    assert.include(text, 'Voir ses déclarations')
    assert.include(response.text(), `href="/companies/${pending.id}/declarations"`)

    const earlier = await client.get('/declarations').qs({ on: '2026-02-01' }).loginAs(manager)
    assertPage(earlier, 'Déclarations manquantes')
    const earlierText = visibleText(earlier.text())
    assert.include(
      earlierText,
      'Au 1er février 2026 : 1 entreprise avec des déclarations manquantes'
    )
    assert.notInclude(earlierText, '31 mars 2026')
  })

  test('nothing missing: says so', async ({ client }) => {
    const manager = await createUser('manager')
    const response = await client.get('/declarations').qs({ on: '2026-05-10' }).loginAs(manager)
    response.assertTextIncludes('Toutes les déclarations dues à cette date sont faites.')
    response.assertTextIncludes('Aucune déclaration n')
  })

  test('tenants and officials are refused', async ({ client }) => {
    const late = await hosted('Retardataire')
    const tenant = await createUser('tenant', { companyId: late.id })
    const official = await createUser('official')
    for (const user of [tenant, official]) {
      const response = await client.get('/declarations').loginAs(user)
      response.assertStatus(403)
    }
  })

  test('the page costs the same number of queries for 3 and 30 companies', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    async function companies(from: number, to: number) {
      for (let index = from; index <= to; index++) {
        const company = await hosted(`Entreprise ${index}`)
        await createUser('tenant', { companyId: company.id })
        await declare(company, 'entry', '2026-01-15')
      }
    }
    await companies(1, 3)
    await remind('2026-05-10')
    const page = () => client.get('/declarations').qs({ on: '2026-07-05' }).loginAs(manager)
    const few = await countQueries(page)
    await companies(4, 30)
    await remind('2026-05-10')
    const response = await page()
    response.assertTextIncludes('30 entreprises avec des déclarations manquantes')
    response.assertTextIncludes('30 déclarations envoyées, à valider')
    const many = await countQueries(page)
    assert.equal(many, few)
  })
})
