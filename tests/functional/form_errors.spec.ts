import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import Company from '#models/company'
import HttpExceptionHandler from '#exceptions/handler'
import { constraintBroken, redactedDatabaseError } from '#helpers/database_errors'
import { createUser } from '#tests/support/fixtures'
import { createCell } from '#tests/support/agreements'
import { truncateAfterEach } from '#tests/support/database'

const onMysql = process.env.DB_CONNECTION === 'mysql'

/** The error a write raises, or a failure when it does not raise one. */
async function failureOf(write: () => Promise<unknown>) {
  try {
    await write()
  } catch (error) {
    return error
  }
  throw new Error('the write was expected to fail')
}

test.group('Forms refused for any reason come back in French, input kept', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('an expired form (no CSRF token): a French message, the input kept, never the password', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const response = await client
      .post('/users')
      .loginAs(manager)
      .header('referer', '/users/create')
      .form({
        fullName: 'Sans Jeton',
        email: 'sans-jeton@example.test',
        role: 'official',
        password: 'a-secret-passphrase',
      })
      .redirects(0)
    response.assertHeader('location', '/users/create')
    response.assertFlashMessage(
      'error',
      'Le formulaire a expiré\u00a0: rechargez la page et envoyez-le de nouveau. Ce que vous aviez saisi a été gardé.'
    )
    response.assertFlashMessage('fullName', 'Sans Jeton')
    response.assertFlashMissing('password')
    assert.notInclude(JSON.stringify(response.flashMessages()), 'Invalid or expired')
    assert.isNull(await User.findBy('email', 'sans-jeton@example.test'))
  })

  test('a form too large for the server: a French message, nothing saved', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const response = await client
      .post('/companies')
      .loginAs(manager)
      .header('referer', '/companies/create')
      .form({ name: 'Trop Grande', sector: 'other', notes: 'x'.repeat(200_000) })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/companies/create')
    response.assertFlashMessage(
      'error',
      'Le formulaire envoyé est trop volumineux\u00a0: raccourcissez les textes ou choisissez un fichier plus petit.'
    )
    assert.isNull(await Company.findBy('name', 'Trop Grande'))
  })

  test('a password never comes back into the session with the errors of its form', async ({
    client,
    assert,
  }) => {
    const user = await createUser('official')
    const response = await client
      .put('/account/password')
      .loginAs(user)
      .header('referer', '/account/password/edit')
      .form({
        currentPassword: 'my-current-secret',
        password: 'short',
        passwordConfirmation: 'other',
      })
      .withCsrfToken()
      .redirects(0)
    // Back on the form with its errors: the refusal this test is about, not an error page.
    response.assertStatus(302)
    response.assertHeader('location', '/account/password/edit')
    assert.property(response.flashMessages().inputErrorsBag ?? {}, 'password')
    response.assertFlashMissing('currentPassword')
    response.assertFlashMissing('password')
    response.assertFlashMissing('passwordConfirmation')
  })
})

test.group('Rules the database holds become form messages', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a unique key refusing a row names the form field, on this database', async ({ assert }) => {
    const cell = await createCell({ code: 'DUP-1' })
    const duplicate = await failureOf(() =>
      db.table('cells').insert({
        building_id: cell.buildingId,
        code: 'DUP-1',
        floor: 0,
        area_sqm: 10,
        desks: 1,
        created_at: new Date(),
      })
    )
    assert.deepEqual(constraintBroken(duplicate, { code: 'DUP-1', floor: '0' }), {
      kind: 'duplicate',
      field: 'code',
    })
    assert.deepEqual(constraintBroken(duplicate, { other: 'x' }), {
      kind: 'duplicate',
      field: null,
    })
    assert.isNull(constraintBroken(new Error('something else'), {}))
  })

  test('an amount beyond its column names its form field (MySQL)', async ({ assert }) => {
    const company = await Company.create({ name: 'Démesurée' })
    const tooLarge = await failureOf(() =>
      db.table('agreements').insert({
        company_id: company.id,
        status: 'draft',
        starts_on: '2026-01-01',
        ends_on: '2026-12-31',
        notice_months: 3,
        rent_steps: '[1000]',
        monthly_charges_cents: 0,
        deposit_cents: 2 ** 40,
        created_at: new Date(),
      })
    )
    assert.deepEqual(constraintBroken(tooLarge, { deposit: '10995116277,76' }), {
      kind: 'out_of_range',
      field: 'deposit',
    })
  }).skip(!onMysql, 'SQLite integers hold 64 bits: only MySQL refuses the value')

  test('a database error is logged without its SQL nor its values', async ({ assert }) => {
    const secret = await hash.make('a-password-nobody-should-log')
    // A row the database refuses (no email), its SQL holding a password hash.
    const duplicate = await failureOf(() =>
      db.table('users').insert({
        full_name: 'Sans adresse',
        email: null,
        password: secret,
        role: 'manager',
        locale: 'fr',
        created_at: new Date(),
      })
    )
    // What knex and the driver write by themselves: the SQL and its values.
    assert.include(
      `${(duplicate as Error).message} ${(duplicate as { sql?: string }).sql ?? ''}`,
      'insert into'
    )

    const redacted = redactedDatabaseError(duplicate) as Error & { code?: string }
    for (const text of [redacted.message, String(redacted.stack)]) {
      assert.notInclude(text, secret)
      assert.notInclude(text.toLowerCase(), 'insert into')
    }
    assert.equal(redacted.code, (duplicate as { code?: string }).code)

    const logged: unknown[] = []
    const ctx = {
      request: { url: () => '/users', method: () => 'POST', id: () => 'x' },
      logger: {
        log: (...args: unknown[]) => logged.push(args),
        info: (...args: unknown[]) => logged.push(args),
        error: (...args: unknown[]) => logged.push(args),
        warn: (...args: unknown[]) => logged.push(args),
      },
    } as unknown as HttpContext
    await new HttpExceptionHandler().report(duplicate, ctx)
    const written = JSON.stringify(logged, (_key, value) =>
      value instanceof Error ? { message: value.message, stack: value.stack } : value
    )
    assert.isAbove(logged.length, 0)
    assert.notInclude(written, secret)
    assert.notInclude(written.toLowerCase(), 'insert into')
  })
})

/** Truly parallel requests: no shared test transaction (on MySQL, a connection each). */
test.group('A double click loses the unique-key race with a message, not a 500', (group) => {
  group.each.setup(() => truncateAfterEach())

  test('five parallel creations of one account: one account, four forms back', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        client
          .post('/users')
          .loginAs(manager)
          .header('referer', '/users/create')
          .form({
            fullName: 'Double Clic',
            email: 'double-clic@example.test',
            role: 'official',
            password: 'a-long-enough-password',
          })
          .withCsrfToken()
          .redirects(0)
      )
    )
    const accounts = await User.query().where('email', 'double-clic@example.test')
    assert.lengthOf(accounts, 1)
    const back = responses.filter((response) => response.header('location') === '/users/create')
    assert.lengthOf(back, 4)
    for (const response of back) {
      const errors = response.flashMessage('inputErrorsBag') as Record<string, string[]>
      assert.match(errors.email[0], /Un compte utilise déjà cette adresse e-mail|déjà utilisée/)
    }
  })

  test('five parallel admissions of one SIRET: one company, four forms back', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        client
          .post('/companies')
          .loginAs(manager)
          .header('referer', '/companies/create')
          .form({ name: `Jumelle ${index}`, sector: 'other', siret: '73282932000074' })
          .withCsrfToken()
          .redirects(0)
      )
    )
    const companies = await Company.query().where('siret', '73282932000074')
    assert.lengthOf(companies, 1)
    const back = responses.filter((response) => response.header('location') === '/companies/create')
    assert.lengthOf(back, 4)
    for (const response of back) {
      const errors = response.flashMessage('inputErrorsBag') as Record<string, string[]>
      assert.match(errors.siret[0], /déjà utilisée/)
    }
  })
})
