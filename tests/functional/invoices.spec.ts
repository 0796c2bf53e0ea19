import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Invoice from '#models/invoice'
import InvoiceLine from '#models/invoice_line'
import Setting from '#models/setting'
import Operator from '#models/operator'
import AuditEvent from '#models/audit_event'
import { day, today } from '#domain/periods'
import { DomainError } from '#exceptions/domain_error'
import { billedCompany, marchDraft, newDraft } from '#tests/support/invoices'
import { bookDirectly, createRoom } from '#tests/support/bookings'
import { countQueries } from '#tests/support/queries'
import { createUser } from '#tests/support/fixtures'
import { visibleText } from '#tests/support/html'
import { DateTime } from 'luxon'
import ace from '@adonisjs/core/services/ace'
import InvoicesPrepare from '#commands/invoices_prepare'

const nobody = { userId: null, ip: null }
const march = day('2026-03-01')

test.group('Invoices: the billing run', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('one draft per company from the rent roll: rent and charges at 20 % VAT, no deposit', async ({
    assert,
  }) => {
    const { company, agreement } = await billedCompany()
    const invoice = await marchDraft(company)
    assert.equal(invoice.status, 'draft')
    assert.isNull(invoice.number)
    assert.equal(invoice.periodStartsOn.toISODate(), '2026-03-01')
    assert.equal(invoice.periodEndsOn.toISODate(), '2026-03-31')
    assert.deepEqual(
      invoice.lines.map((line) => [
        line.kind,
        line.agreementId,
        line.unitPriceCents,
        line.vatRateBp,
      ]),
      [
        ['rent', agreement.id, 20_000, 2000],
        ['charges', agreement.id, 5000, 2000],
      ]
    )
    assert.match(invoice.lines[0].description, /^Loyer mars 2026, cellule C-\d+$/)
    assert.equal(invoice.netCents, 25_000)
    assert.equal(invoice.vatCents, 5000)
    assert.equal(invoice.grossCents, 30_000)
    const events = await AuditEvent.query()
      .where('subject_type', 'Invoice')
      .where('action', 'invoice.prepared')
    assert.lengthOf(events, 1)
  })

  test('a partial month is prorated by day and says so', async ({ assert }) => {
    const { company, agreement } = await billedCompany()
    await agreement.terminate({
      terminatedOn: day('2026-03-15'),
      reason: 'Départ',
      noticeGivenOn: day('2025-12-01'),
    })
    const invoice = await marchDraft(company)
    // 15 days of 31: 200 € × 15 / 31 = 96,77 €.
    assert.equal(invoice.lines[0].unitPriceCents, 9677)
    assert.include(invoice.lines[0].description, '(15\u00a0jours sur 31)')
  })

  test('run twice: no duplicate; prepared lines replaced, a person’s lines kept', async ({
    assert,
  }) => {
    const { company, agreement } = await billedCompany()
    const first = await marchDraft(company)
    await first.addLine({
      kind: 'service',
      description: 'Domiciliation',
      quantityMilli: 1000,
      unit: 'C62',
      unitPriceCents: 3000,
      vatRateBp: 2000,
      vatCategory: 'S',
    })
    agreement.monthlyChargesCents = 6000
    await agreement.save()
    await Invoice.prepareMonth(march, nobody)
    const invoices = await Invoice.query()
      .where('company_id', company.id)
      .preload('lines', (q) => q.orderBy('position'))
    assert.lengthOf(invoices, 1)
    assert.deepEqual(
      invoices[0].lines.map((line) => [line.position, line.kind, line.unitPriceCents]),
      [
        [1, 'rent', 20_000],
        [2, 'charges', 6000],
        [3, 'service', 3000],
      ]
    )
    assert.equal(invoices[0].netCents, 29_000)
  })

  test('an issued invoice of the month is never touched by a run', async ({ assert }) => {
    const { company, agreement } = await billedCompany()
    const invoice = await marchDraft(company)
    await invoice.issue()
    agreement.monthlyChargesCents = 9900
    await agreement.save()
    const report = await Invoice.prepareMonth(march, nobody)
    assert.deepEqual(
      report.skipped.map((entry) => entry.id),
      [company.id]
    )
    const invoices = await Invoice.query().where('company_id', company.id).preload('lines')
    assert.lengthOf(invoices, 1)
    assert.equal(invoices[0].netCents, 25_000)
  })

  test('room hours beyond the quota at the hourly price; none when the price is 0', async ({
    assert,
  }) => {
    const { company } = await billedCompany()
    company.bookingQuotaMinutes = 60
    await company.save()
    const room = await createRoom()
    // Billing in advance: the March invoice bills February's hours (2 h 30 booked, 1 h quota).
    await bookDirectly(room, company.id, '2026-02-10', '09:00', '11:30')
    let invoice = await marchDraft(company)
    assert.notInclude(
      invoice.lines.map((line) => line.kind),
      'room_hours'
    )

    await Setting.change({ room_hour_price_cents: 1500 })
    invoice = await marchDraft(company)
    const hours = invoice.lines.find((line) => line.kind === 'room_hours')!
    assert.equal(hours.quantityMilli, 1500)
    assert.equal(hours.unit, 'HUR')
    assert.equal(hours.netCents, 2250)
    assert.include(hours.description, 'février 2026')
  })

  test('a failure for one company leaves the others prepared', async ({ assert }) => {
    const { company: good } = await billedCompany('Bonne')
    const { company: bad } = await billedCompany('Mauvaise')
    // The lines of one company fail to be written (its draft already created in its transaction).
    const original = InvoiceLine.createMany.bind(InvoiceLine)
    InvoiceLine.createMany = (async (rows: any, options: any) => {
      const invoice = rows[0]?.invoiceId ? await Invoice.find(rows[0].invoiceId, options) : null
      if (invoice?.companyId === bad.id) throw new Error('boom')
      return original(rows, options)
    }) as any
    try {
      const report = await Invoice.prepareMonth(march, nobody)
      assert.deepEqual(
        report.failed.map((entry) => entry.company.id),
        [bad.id]
      )
      assert.deepEqual(
        report.prepared.map((entry) => entry.companyId),
        [good.id]
      )
    } finally {
      InvoiceLine.createMany = original as any
    }
    assert.lengthOf(await Invoice.query().where('company_id', bad.id), 0)
  })

  test('reads in a bounded number of queries, whatever the number of companies', async ({
    assert,
  }) => {
    for (let index = 0; index < 3; index++) await billedCompany()
    await Setting.change({ room_hour_price_cents: 1500 })
    const few = await countQueries(() => Invoice.prepareMonth(march, nobody))
    for (let index = 0; index < 6; index++) await billedCompany()
    const many = await countQueries(() => Invoice.prepareMonth(march, nobody))
    // Reads are fixed; the writes of each company's transaction grow with the companies.
    const perCompany = (many - few) / 6
    assert.isAtMost(perCompany, 12)
  })
})

test.group('Invoices: issuing and numbering', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('issuing numbers invoices F<year>-000001, F<year>-000002… dated today, due after 30 days', async ({
    assert,
  }) => {
    const year = today().year
    const first = await newDraft()
    const second = await newDraft()
    await second.issue()
    await first.issue()
    assert.equal(second.number, `F${year}-000001`)
    assert.equal(first.number, `F${year}-000002`)
    assert.equal(first.issuedOn!.toISODate(), today().toISODate())
    assert.equal(first.dueOn!.toISODate(), today().plus({ days: 30 }).toISODate())
    assert.equal(first.status, 'issued')
  })

  test('the buyer is copied at issue: later changes to the company do not reach the invoice', async ({
    assert,
  }) => {
    const { company } = await billedCompany()
    const invoice = await marchDraft(company)
    await invoice.issue()
    await company.updateBillingDetails({
      billingAddress: '1 place Nouvelle',
      billingPostcode: '75001',
      billingCity: 'Paris',
      billingCountryCode: 'FR',
      billingEmail: null,
    })
    await invoice.refresh()
    assert.equal(invoice.buyerName, company.name)
    assert.equal(invoice.buyerAddress, '12 rue des Forges\nBâtiment B')
    assert.equal(invoice.buyerCity, 'Valenciennes')
    assert.equal(invoice.buyerSiren, '732829320')
  })

  test('an issued invoice never changes: the model refuses', async ({ assert }) => {
    const invoice = await newDraft()
    await invoice.issue()
    invoice.grossCents = 1
    await assert.rejects(() => invoice.save(), DomainError as any)
    await invoice.refresh()
    await assert.rejects(() => invoice.delete(), DomainError as any)
    const line = await InvoiceLine.query().where('invoice_id', invoice.id).firstOrFail()
    line.unitPriceCents = 1
    await assert.rejects(() => line.save(), DomainError as any)
    await assert.rejects(() => line.delete(), DomainError as any)
    await assert.rejects(() => invoice.removeLine(line.id), DomainError as any)
    await assert.rejects(() => invoice.issue(), DomainError as any)
    const stored = await db.from('invoice_lines').where('id', line.id).first()
    assert.equal(stored.unit_price_cents, 20_000)
  })

  test('refused without a billing address; the number is not used', async ({ assert }) => {
    const year = today().year
    const { company } = await billedCompany('Sans adresse', { billingAddress: null })
    const invoice = await marchDraft(company)
    await assert.rejects(() => invoice.issue(), DomainError as any)
    const other = await newDraft()
    await other.issue()
    assert.equal(other.number, `F${year}-000001`)
  })

  test('a credit note cites its invoice, negates the lines chosen, gets its own series', async ({
    assert,
  }) => {
    const year = today().year
    const invoice = await newDraft()
    await invoice.issue()
    const rent = invoice.lines.find((line) => line.kind === 'rent')!
    const note = await invoice.credit([rent.id], 'Loyer remis')
    assert.equal(note.kind, 'credit_note')
    assert.equal(note.creditedInvoiceId, invoice.id)
    assert.equal(note.netCents, -20_000)
    assert.equal(note.grossCents, -24_000)
    await note.issue()
    assert.equal(note.number, `A${year}-000001`)
    // A line is credited once.
    await assert.rejects(() => invoice.credit([rent.id], 'Encore'), DomainError as any)
    // A draft cannot be credited.
    const draft = await newDraft()
    await assert.rejects(() => draft.credit([draft.lines[0].id], 'Non'), DomainError as any)
  })

  test('line edits of a draft are recorded on the invoice and keep its totals', async ({
    assert,
  }) => {
    const invoice = await newDraft()
    const charges = invoice.lines.find((line) => line.kind === 'charges')!
    await invoice.changeLine(charges.id, { unitPriceCents: 4000 })
    assert.equal(invoice.netCents, 24_000)
    await invoice.removeLine(charges.id)
    assert.equal(invoice.netCents, 20_000)
    const history = await AuditEvent.historyOf(invoice)
    assert.deepEqual(
      history.map((event) => event.action),
      ['invoice.line_removed', 'invoice.line_changed', 'invoice.prepared']
    )
  })

  test('the month past when billing in arrears', async ({ assert }) => {
    const { monthToBill } = await import('#domain/billing_run')
    const on = DateTime.utc(2026, 12, 3)
    assert.equal(monthToBill(on, true).toISODate(), '2027-01-01')
    assert.equal(monthToBill(on, false).toISODate(), '2026-11-01')
  })
})

/** Asserts the status a request answers with. */
async function expectStatus(
  request: PromiseLike<{ assertStatus(status: number): void }>,
  status: number
) {
  const response = await request
  response.assertStatus(status)
}

test.group('Invoices: pages', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a manager prepares the month, reviews it, edits a draft, issues it and credits it', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const { company } = await billedCompany('Alpha')
    const { company: unaddressed } = await billedCompany('Bêta', { billingAddress: null })

    const prepared = await client
      .post('/billing-runs')
      .loginAs(manager)
      .form({ month: '2026-03' })
      .withCsrfToken()
      .redirects(0)
    prepared.assertStatus(302)
    prepared.assertHeader('location', '/invoices?month=2026-03')

    const run = await client.get('/invoices?month=2026-03').loginAs(manager)
    run.assertStatus(200)
    const text = visibleText(run.text())
    assert.include(text, company.name)
    assert.include(text, unaddressed.name)
    assert.include(text, 'Adresse de facturation manquante')
    assert.include(text, '300,00 €')

    const invoice = await Invoice.query().where('company_id', company.id).firstOrFail()
    const added = await client
      .post(`/invoices/${invoice.id}/lines`)
      .loginAs(manager)
      .form({
        kind: 'service',
        description: 'Domiciliation',
        quantity: '1,5',
        unit: 'C62',
        unitPrice: '20',
        vatRateBp: '2000',
      })
      .withCsrfToken()
      .redirects(0)
    added.assertHeader('location', `/invoices/${invoice.id}`)
    await invoice.refresh()
    assert.equal(invoice.netCents, 28_000)

    const confirm = await client.get(`/invoices/${invoice.id}/issuance/create`).loginAs(manager)
    confirm.assertStatus(200)
    const issued = await client
      .post(`/invoices/${invoice.id}/issuance`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    issued.assertHeader('location', `/invoices/${invoice.id}`)
    await invoice.refresh()
    assert.equal(invoice.number, `F${today().year}-000001`)

    const page = await client.get(`/invoices/${invoice.id}`).loginAs(manager)
    const shown = visibleText(page.text())
    assert.include(shown, `Facture F${today().year}-000001`)
    assert.include(shown, 'TVA à 20 % sur 280,00 €')
    assert.include(shown, 'Émission')

    // Issued: its lines can no longer be edited.
    const line = await InvoiceLine.query().where('invoice_id', invoice.id).firstOrFail()
    const edit = await client.get(`/invoice-lines/${line.id}/edit`).loginAs(manager)
    edit.assertStatus(403)
    const removed = await client
      .delete(`/invoice-lines/${line.id}`)
      .loginAs(manager)
      .header('referer', `/invoices/${invoice.id}`)
      .withCsrfToken()
      .redirects(0)
    assert.include(String(removed.flashMessages().error), 'elle ne peut plus changer')
    assert.lengthOf(await InvoiceLine.query().where('invoice_id', invoice.id), 3)

    const form = await client.get(`/invoices/${invoice.id}/credit-notes/create`).loginAs(manager)
    form.assertStatus(200)
    const credited = await client
      .post(`/invoices/${invoice.id}/credit-notes`)
      .loginAs(manager)
      .form({ lineIds: [String(line.id)], reason: 'Loyer offert' })
      .withCsrfToken()
      .redirects(0)
    const note = await Invoice.query().where('credited_invoice_id', invoice.id).firstOrFail()
    credited.assertHeader('location', `/invoices/${note.id}`)

    // Issuing the month's drafts at once: the one without an address is refused, by name.
    const all = await client
      .post('/billing-runs/issuance')
      .loginAs(manager)
      .form({ month: '2026-03' })
      .withCsrfToken()
      .redirects(0)
    all.assertHeader('location', '/invoices?month=2026-03')
    await note.refresh()
    assert.equal(note.number, `A${today().year}-000001`)
    assert.include(String(all.flashMessages().error), unaddressed.name)
  })

  test('a tenant sees its company’s issued invoices only; officials see nothing', async ({
    client,
    assert,
  }) => {
    const { company } = await billedCompany('Gamma')
    const tenant = await createUser('tenant', { companyId: company.id })
    const official = await createUser('official')
    const mine = await marchDraft(company)
    const other = await newDraft('Delta')
    await other.issue()

    const list = await client.get('/invoices').loginAs(tenant)
    list.assertStatus(200)
    assert.include(visibleText(list.text()), 'Aucune facture émise')
    await expectStatus(client.get(`/invoices/${mine.id}`).loginAs(tenant), 403)
    await mine.issue()
    const listed = await client.get('/invoices').loginAs(tenant)
    assert.include(visibleText(listed.text()), mine.number!)
    assert.notInclude(visibleText(listed.text()), other.number!)
    await expectStatus(client.get(`/invoices/${mine.id}`).loginAs(tenant), 200)
    await expectStatus(client.get(`/invoices/${other.id}`).loginAs(tenant), 403)
    await expectStatus(client.get('/invoices').loginAs(official), 403)
    await expectStatus(client.get(`/invoices/${mine.id}`).loginAs(official), 403)
  })

  test('an issued invoice downloads as its Factur-X PDF: its company and managers only, never a draft', async ({
    client,
    assert,
  }) => {
    const { company } = await billedCompany('Zêta')
    const tenant = await createUser('tenant', { companyId: company.id })
    const manager = await createUser('manager')
    const official = await createUser('official')
    const mine = await marchDraft(company)
    const other = await newDraft('Êta')
    await other.issue()

    // A draft is not a document yet.
    await expectStatus(client.get(`/invoices/${mine.id}/document`).loginAs(manager), 404)
    await mine.issue()
    const page = await client.get(`/invoices/${mine.id}`).loginAs(tenant)
    assert.include(visibleText(page.text()), 'Télécharger le PDF')

    const response = await client.get(`/invoices/${mine.id}/document`).loginAs(tenant)
    response.assertStatus(200)
    response.assertHeader('content-type', 'application/pdf')
    assert.include(response.header('content-disposition'), `${mine.number}.pdf`)
    const bytes = response.body() as Buffer
    assert.isTrue(Buffer.isBuffer(bytes))
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-')
    assert.include(bytes.toString('latin1'), 'factur-x.xml')

    await expectStatus(client.get(`/invoices/${other.id}/document`).loginAs(tenant), 403)
    await expectStatus(client.get(`/invoices/${mine.id}/document`).loginAs(official), 403)
    await expectStatus(client.get(`/invoices/${other.id}/document`).loginAs(manager), 200)
  })

  test('a tenant keeps its company’s billing details; the change is recorded', async ({
    client,
    assert,
  }) => {
    const { company } = await billedCompany('Epsilon', { billingAddress: null })
    const tenant = await createUser('tenant', { companyId: company.id })
    const page = await client.get(`/companies/${company.id}/billing-details/edit`).loginAs(tenant)
    page.assertStatus(200)
    assert.include(visibleText(page.text()), '732829320')
    const saved = await client
      .put(`/companies/${company.id}/billing-details`)
      .loginAs(tenant)
      .form({
        billingAddress: '3 rue du Chemin Vert\nBP 12',
        billingPostcode: '59300',
        billingCity: 'Valenciennes',
        billingCountryCode: 'fr',
        billingEmail: 'Compta@Epsilon.example',
      })
      .withCsrfToken()
      .redirects(0)
    saved.assertHeader('location', `/companies/${company.id}`)
    await company.refresh()
    assert.isTrue(company.hasBillingAddress)
    assert.deepEqual(company.billingAddressLines, ['3 rue du Chemin Vert', 'BP 12'])
    assert.equal(company.billingCountryCode, 'FR')
    assert.equal(company.billingEmail, 'compta@epsilon.example')
    const history = await AuditEvent.historyOf(company)
    assert.equal(history[0].action, 'company.billing_details_updated')
    const elsewhere = await billedCompany('Zêta')
    const refused = await client
      .get(`/companies/${elsewhere.company.id}/billing-details/edit`)
      .loginAs(tenant)
    refused.assertStatus(403)
  })
})

test.group('Invoices: the command', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('node ace invoices:prepare --month prepares the drafts and lists them', async ({
    assert,
  }) => {
    const { company } = await billedCompany('Commande')
    const command = await ace.create(InvoicesPrepare, ['--month=2026-03'])
    command.ui.switchMode('raw')
    await command.exec()
    command.assertSucceeded()
    const output = command.logger
      .getLogs()
      .map((log) => log.message)
      .join('\n')
    assert.include(output, 'Facturation de mars 2026\u00a0: 1 brouillon préparé.')
    assert.include(output, `${company.name}\u00a0: 300,00\u00a0€`)
    const invoice = await Invoice.query().where('company_id', company.id).firstOrFail()
    assert.equal(invoice.periodStartsOn.toISODate(), '2026-03-01')
  })

  test('an invalid month makes it fail; without one it bills the month ahead', async ({
    assert,
  }) => {
    const bad = await ace.create(InvoicesPrepare, ['--month=2026-13'])
    bad.ui.switchMode('raw')
    await bad.exec()
    bad.assertFailed()
    const { company } = await billedCompany('Avance')
    const command = await ace.create(InvoicesPrepare, [])
    command.ui.switchMode('raw')
    await command.exec()
    command.assertSucceeded()
    const invoices = await Invoice.query().where('company_id', company.id)
    const ahead = today().startOf('month').plus({ months: 1 })
    // The agreement runs through 2027: the month ahead is billed when it falls within it.
    if (ahead <= day('2027-12-01')) {
      assert.equal(invoices[0].periodStartsOn.toISODate(), ahead.toISODate())
    }
  })
})

test.group('Invoices: the document', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  const seller = {
    name: 'Nouvelle Forge',
    legalForm: 'SPL',
    addressLines: ['Rives Créatives de l’Escaut'],
    postcode: '59300',
    city: 'Valenciennes',
    countryCode: 'FR',
    siren: '732829320',
    siret: '73282932000074',
    vatNumber: 'FR44732829320',
    iban: 'FR7630006000011234567890189',
    bic: 'AGRIFRPP',
    paymentTermsText: '30 jours',
    latePenaltyText: 'Trois fois le taux d’intérêt légal',
    earlyPaymentText: 'Pas d’escompte',
  }

  test('an issued invoice maps to its document: buyer as copied, lines, totals', async ({
    assert,
  }) => {
    const invoice = await newDraft('Document')
    await assert.rejects(async () => invoice.document(seller), DomainError as any)
    await invoice.issue()
    await invoice.load('lines')
    const document = invoice.document(seller)
    assert.equal(document.kind, 'invoice')
    assert.equal(document.number, invoice.number)
    assert.deepEqual(document.period, { startsOn: '2026-03-01', endsOn: '2026-03-31' })
    assert.deepEqual(document.buyer.addressLines, ['12 rue des Forges', 'Bâtiment B'])
    assert.equal(document.buyer.siren, '732829320')
    assert.deepEqual(
      document.lines.map((line) => [line.unit, line.unitPriceCents, line.vatCategory]),
      [
        ['MON', 20_000, 'S'],
        ['MON', 5000, 'S'],
      ]
    )
    assert.deepEqual(document.totals.vatByRate, [
      { rateBp: 2000, baseCents: 25_000, vatCents: 5000 },
    ])
    assert.equal(document.totals.grossCents, 30_000)
  })

  test('a credit note states its amounts positive and cites its invoice', async ({ assert }) => {
    const invoice = await newDraft('Avoir')
    await invoice.issue()
    const note = await invoice.credit([invoice.lines[0].id], 'Remise')
    await note.issue()
    await note.load('lines')
    await note.load('creditedInvoice')
    const document = note.document(seller)
    assert.equal(document.kind, 'credit_note')
    assert.deepEqual(document.creditedInvoice, {
      number: invoice.number!,
      issuedOn: invoice.issuedOn!.toISODate()!,
    })
    assert.equal(document.totals.grossCents, 24_000)
    assert.equal(document.lines[0].netCents, 20_000)
  })

  test('the seller is copied at issue: a later change of the operator leaves the invoice as it was', async ({
    assert,
  }) => {
    const operator = await Operator.current()
    await operator.updateDetails({
      name: 'SPL Rives Créatives',
      legalForm: 'SPL',
      address: '80 rue Michel Rondet',
      addressComplement: null,
      postcode: '59300',
      city: 'Valenciennes',
      countryCode: 'FR',
      siret: '73282932000074',
      vatNumber: 'FR44732829320',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPPXXX',
      creditorId: null,
      latePenaltyRateBp: 1215,
      earlyPaymentText: 'Pas d’escompte pour paiement anticipé.',
      revenueAccount: '706000',
      vatAccount: '445710',
      customersAccount: '411000',
    })
    const invoice = await newDraft('Copie du vendeur')
    await invoice.issue()
    await operator.updateDetails({ ...operatorDetails(operator), name: 'Nouvel exploitant' })

    const issued = await Invoice.query().where('id', invoice.id).preload('lines').firstOrFail()
    const document = issued.document()
    assert.equal(document.seller.name, 'SPL Rives Créatives')
    assert.equal(document.seller.siren, '732829320')
    assert.equal(
      document.seller.paymentTermsText,
      "Paiement à 30 jours à compter de la date d'émission."
    )
    assert.equal(
      document.seller.latePenaltyText,
      "Pénalités de retard\u00a0: 12,15\u00a0% par an, exigibles dès le lendemain de l'échéance."
    )
  })
})

/** An operator's details as its form gives them, to change one of them. */
function operatorDetails(operator: Operator) {
  return {
    name: operator.name!,
    legalForm: operator.legalForm!,
    address: operator.address!,
    addressComplement: operator.addressComplement,
    postcode: operator.postcode!,
    city: operator.city!,
    countryCode: operator.countryCode!,
    siret: operator.siret!,
    vatNumber: operator.vatNumber,
    iban: operator.iban,
    bic: operator.bic,
    creditorId: operator.creditorId,
    latePenaltyRateBp: operator.latePenaltyRateBp,
    earlyPaymentText: operator.earlyPaymentText!,
    revenueAccount: operator.revenueAccount!,
    vatAccount: operator.vatAccount!,
    customersAccount: operator.customersAccount!,
  }
}
