import { test } from '@japa/runner'
import { billingSettingsForm } from '#tests/support/billing'
import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import testUtils from '@adonisjs/core/services/test_utils'
import AccountToken from '#models/account_token'
import AuditEvent from '#models/audit_event'
import Invitation from '#models/invitation'
import Setting from '#models/setting'
import User from '#models/user'
import { recordedMails } from '#mails/transports/recording_transport'
import { createBuilding, createCompany, createUser } from '#tests/support/fixtures'
import { visibleText } from '#tests/support/html'
import { sqlDateTime } from '#helpers/sql_dates'

const PASSWORD = 'une-phrase-secrete-longue'

/** The path of the invitation link the last email to an address carries. */
function linkSentTo(email: string) {
  const [message] = recordedMails.to(email).slice(-1)
  const match = message?.text.match(
    /http:\/\/localhost:3333(\/invitations\/[\w-]+\/acceptance\/create)/
  )
  if (!match) throw new Error(`no invitation link sent to ${email}`)
  return match[1]
}

/** Accepts an invitation through its link's path. */
function accept(client: any, path: string, fullName = 'Camille Martin') {
  return client
    .post(path.replace(/\/create$/, ''))
    .form({ fullName, password: PASSWORD, passwordConfirmation: PASSWORD })
    .withCsrfToken()
    .redirects(0)
}

/** Invites as a person, the form's fields as given. */
function invite(client: any, actor: User, form: Record<string, string>) {
  return client
    .post('/invitations')
    .loginAs(actor)
    .form(form)
    .withCsrfToken()
    .header('referer', '/invitations/create')
    .redirects(0)
}

test.group('Invitations', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => recordedMails.clear())

  test('a manager invites a tenant of a company; the link opens the account signed in', async ({
    client,
    assert,
  }) => {
    await createBuilding()
    const manager = await createUser('manager')
    const company = await createCompany('Atelier')
    const sent = await invite(client, manager, {
      email: 'Camille@Example.test',
      fullName: 'Camille',
      role: 'tenant',
      companyId: String(company.id),
    })
    sent.assertHeader('location', '/invitations')
    sent.assertFlashMessage('success', 'Invitation envoyée à camille@example.test.')

    const [message] = recordedMails.to('camille@example.test')
    assert.equal(
      message.subject,
      `${manager.fullName} vous invite sur le back-office de la pépinière`
    )
    assert.include(message.text, company.name)
    assert.include(message.text, 'valable 7\u00a0jours'.replace('\u00a0', ' '))
    const invitation = await Invitation.findByOrFail('email', 'camille@example.test')
    const created = await AuditEvent.findByOrFail('action', 'invitation.created')
    assert.equal(created.userId, manager.id)
    assert.equal(created.subjectId, invitation.id)

    const list = await client.get('/invitations').loginAs(manager)
    list.assertTextIncludes('camille@example.test')

    const path = linkSentTo('camille@example.test')
    const form = await client.get(path)
    form.assertStatus(200)
    form.assertTextIncludes('value="Camille"')
    assert.include(visibleText(form.text()), company.name)

    const accepted = await accept(client, path)
    accepted.assertHeader('location', '/')
    const user = await User.findByOrFail('email', 'camille@example.test')
    accepted.assertSession('auth_web', user.id)
    assert.equal(user.role, 'tenant')
    assert.equal(user.companyId, company.id)
    assert.equal(user.fullName, 'Camille Martin')
    assert.isTrue(await hash.verify(user.password, PASSWORD))
    await invitation.refresh()
    assert.equal(invitation.userId, user.id)
    const actions = await AuditEvent.query().whereIn('action', [
      'user.created',
      'invitation.accepted',
    ])
    assert.lengthOf(actions, 2)

    const replay = await accept(client, path, 'Quelqu’un d’autre')
    replay.assertStatus(410)
    assert.include(visibleText(replay.text()), 'Ce lien a déjà servi')
    assert.include(visibleText(replay.text()), 'nouvelle invitation')
    assert.lengthOf(await User.query().where('email', 'camille@example.test'), 1)
  })

  test('an address that already has an account is refused next to the field', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const existing = await createUser('official')
    const response = await invite(client, manager, { email: existing.email, role: 'official' })
    response.assertHeader('location', '/invitations/create')
    assert.match(
      response.flashMessages().inputErrorsBag.email[0],
      /^Cette adresse a déjà un compte/
    )
    assert.lengthOf(await Invitation.all(), 0)
    assert.lengthOf(recordedMails.messages, 0)
  })

  test('a second invitation to a pending address is refused next to the field; resend it instead', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    await invite(client, manager, { email: 'camille@example.test', role: 'official' })
    recordedMails.clear()
    const again = await invite(client, manager, {
      email: ' Camille@Example.test',
      fullName: 'Camille',
      role: 'manager',
    })
    again.assertHeader('location', '/invitations/create')
    assert.equal(
      again.flashMessages().inputErrorsBag.email[0],
      "Une invitation est déjà en attente pour cette adresse\u00a0: renvoyez-la depuis la liste des invitations en attente (bouton «\u00a0Renvoyer\u00a0») plutôt que d'en créer une autre."
    )
    assert.equal(again.flashMessages().fullName, 'Camille')
    const tenant = await createUser('tenant')
    const colleague = await invite(client, tenant, { email: 'camille@example.test' })
    assert.match(
      colleague.flashMessages().inputErrorsBag.email[0],
      /demander à un gestionnaire de la pépinière de la renvoyer\.$/
    )
    assert.lengthOf(await Invitation.all(), 1)
    assert.lengthOf(recordedMails.messages, 0)

    const invitation = await Invitation.firstOrFail()
    // Back on the form, the manager is offered to resend the pending one.
    const form = await client
      .get('/invitations/create')
      .loginAs(manager)
      .withFlashMessages(again.flashMessages())
    assert.include(visibleText(form.text()), "Renvoyer l'invitation en attente")
    form.assertTextIncludes(`action="/invitations/${invitation.id}/renewal"`)
    const plain = await client.get('/invitations/create').loginAs(manager)
    assert.notInclude(plain.text(), '/renewal')
    await client
      .post(`/invitations/${invitation.id}/renewal`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    assert.lengthOf(recordedMails.to('camille@example.test'), 1)
    await client.delete(`/invitations/${invitation.id}`).loginAs(manager).withCsrfToken()
    const afterRevoke = await invite(client, manager, {
      email: 'camille@example.test',
      role: 'official',
    })
    afterRevoke.assertHeader('location', '/invitations')
    assert.lengthOf(await Invitation.all(), 2)
  })

  test('an expired link says so; a resent invitation replaces the former link', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    await invite(client, manager, { email: 'elu@example.test', role: 'official' })
    const first = linkSentTo('elu@example.test')
    const token = await AccountToken.firstOrFail()
    assert.closeTo(token.expiresAt.diff(DateTime.utc(), 'days').days, 7, 0.01)
    await AccountToken.query().update({
      expires_at: sqlDateTime(DateTime.utc().minus({ days: 1 })),
    })
    const expired = await client.get(first)
    expired.assertStatus(410)
    assert.include(visibleText(expired.text()), 'Ce lien a expiré')

    const invitation = await Invitation.firstOrFail()
    const resent = await client
      .post(`/invitations/${invitation.id}/renewal`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    resent.assertHeader('location', '/invitations')
    const second = linkSentTo('elu@example.test')
    assert.notEqual(second, first)
    const stillExpired = await accept(client, first)
    stillExpired.assertStatus(410)
    const accepted = await accept(client, second)
    accepted.assertHeader('location', '/')
    const user = await User.findByOrFail('email', 'elu@example.test')
    assert.equal(user.role, 'official')
  })

  test('a revoked invitation says so and leaves the list', async ({ client, assert }) => {
    const manager = await createUser('manager')
    await invite(client, manager, { email: 'revoque@example.test', role: 'manager' })
    const invitation = await Invitation.firstOrFail()
    const response = await client
      .delete(`/invitations/${invitation.id}`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/invitations')
    const page = await client.get(linkSentTo('revoque@example.test'))
    page.assertStatus(410)
    assert.include(visibleText(page.text()), 'Ce lien a été remplacé ou annulé')
    const list = await client.get('/invitations').loginAs(manager)
    assert.notInclude(list.text(), 'revoque@example.test')
    const event = await AuditEvent.findByOrFail('action', 'invitation.revoked')
    assert.equal(event.userId, manager.id)
  })

  test('a tampered link is not valid', async ({ client, assert }) => {
    const manager = await createUser('manager')
    await invite(client, manager, { email: 'x@example.test', role: 'official' })
    const path = linkSentTo('x@example.test').replace(
      /(\/invitations\/)([\w-])/,
      (_, prefix, c) => `${prefix}${c === 'A' ? 'B' : 'A'}`
    )
    const page = await client.get(path)
    page.assertStatus(404)
    assert.include(visibleText(page.text()), "Ce lien n'est pas valide")
    const post = await accept(client, path)
    post.assertStatus(404)
    assert.lengthOf(await User.query().where('email', 'x@example.test'), 0)
  })

  test('a tenant invites colleagues of their own company only: role and company sent are ignored', async ({
    client,
    assert,
  }) => {
    const tenant = await createUser('tenant')
    const other = await createCompany('Autre')
    const response = await invite(client, tenant, {
      email: 'collegue@example.test',
      role: 'manager',
      companyId: String(other.id),
    })
    response.assertHeader('location', '/invitations/create')
    const invitation = await Invitation.firstOrFail()
    assert.equal(invitation.role, 'tenant')
    assert.equal(invitation.companyId, tenant.companyId)
    const accepted = await accept(client, linkSentTo('collegue@example.test'))
    accepted.assertHeader('location', '/')
    const colleague = await User.findByOrFail('email', 'collegue@example.test')
    assert.equal(colleague.role, 'tenant')
    assert.equal(colleague.companyId, tenant.companyId)
  })

  test('a tenant cannot list, resend or revoke invitations', async ({ client }) => {
    const tenant = await createUser('tenant')
    const manager = await createUser('manager')
    await invite(client, manager, { email: 'y@example.test', role: 'official' })
    const invitation = await Invitation.firstOrFail()
    const list = await client.get('/invitations').loginAs(tenant)
    list.assertStatus(403)
    const revoke = await client
      .delete(`/invitations/${invitation.id}`)
      .loginAs(tenant)
      .withCsrfToken()
    revoke.assertStatus(403)
  })

  test('managers may turn off the tenants’ invitations', async ({ client, assert }) => {
    const tenant = await createUser('tenant')
    const page = await client.get('/invitations/create').loginAs(tenant)
    page.assertStatus(200)
    await Setting.change({ tenants_may_invite: 0 })
    const refused = await client.get('/invitations/create').loginAs(tenant)
    refused.assertStatus(403)
    const post = await invite(client, tenant, { email: 'z@example.test' })
    post.assertStatus(403)
    assert.lengthOf(await Invitation.all(), 0)

    const manager = await createUser('manager')
    const settings = await client
      .put('/settings')
      .loginAs(manager)
      .form({
        ...billingSettingsForm,
        maxStayMonths: '48',
        bookingQuotaHours: '10',
        tenantsMayInvite: 'true',
      })
      .withCsrfToken()
      .redirects(0)
    settings.assertHeader('location', '/settings/edit')
    assert.isTrue(await Setting.tenantsMayInvite())
  })

  test('an official may not invite', async ({ client }) => {
    const official = await createUser('official')
    const response = await invite(client, official, { email: 'w@example.test', role: 'manager' })
    response.assertStatus(403)
  })
})
