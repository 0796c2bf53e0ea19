import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import AccountToken, { LinkError, tokenHash } from '#models/account_token'
import Invitation from '#models/invitation'
import User from '#models/user'
import { rejection, recorded } from '#tests/support/models'
import { createUser } from '#tests/support/fixtures'

/** Why a link was refused, or null when it worked. */
async function problem(use: () => Promise<unknown>) {
  try {
    await use()
  } catch (error) {
    if (error instanceof LinkError) return error.problem
    throw error
  }
  return null
}

/** A new password-reset link for a new account. */
async function resetLink() {
  const user = await createUser('tenant')
  const issued = await db.transaction((trx) =>
    AccountToken.issue({ purpose: 'password_reset', email: user.email, userId: user.id }, trx)
  )
  return { user, ...issued }
}

test.group('AccountToken: single-use links', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the table keeps the token hashed, never the token', async ({ assert }) => {
    const { token, row } = await resetLink()
    assert.match(token, /^[\w-]{43}$/)
    assert.equal(row.tokenHash, tokenHash(token))
    const stored = await db.from('account_tokens').where('id', row.id).firstOrFail()
    assert.notInclude(JSON.stringify(stored), token)
  })

  test('a link is valid for its purpose until used, then never again', async ({ assert }) => {
    const { token, row } = await resetLink()
    const found = await AccountToken.valid('password_reset', token)
    assert.equal(found.id, row.id)
    assert.equal(await problem(() => AccountToken.valid('invitation', token)), 'unknown')
    await db.transaction((trx) => AccountToken.consume('password_reset', token, trx))
    assert.equal(
      await problem(() =>
        db.transaction((trx) => AccountToken.consume('password_reset', token, trx))
      ),
      'used'
    )
  })

  test('a link stops at its expiry; the reset one lasts an hour', async ({ assert }) => {
    const { token, row } = await resetLink()
    assert.closeTo(row.expiresAt.diff(DateTime.utc(), 'minutes').minutes, 60, 1)
    row.expiresAt = DateTime.utc().minus({ seconds: 1 })
    await row.save()
    assert.equal(await problem(() => AccountToken.valid('password_reset', token)), 'expired')
  })

  test('a tampered token is unknown, whatever its shape', async ({ assert }) => {
    const { token } = await resetLink()
    const tampered = (token[0] === 'A' ? 'B' : 'A') + token.slice(1)
    for (const bad of [tampered, token + 'x', '', 'nope', null, ['a']]) {
      assert.equal(await problem(() => AccountToken.valid('password_reset', bad)), 'unknown')
    }
  })

  test('a new link for the same account revokes the former one', async ({ assert }) => {
    const { user, token } = await resetLink()
    const second = await db.transaction((trx) =>
      AccountToken.issue({ purpose: 'password_reset', email: user.email, userId: user.id }, trx)
    )
    assert.equal(await problem(() => AccountToken.valid('password_reset', token)), 'revoked')
    assert.isNull(await problem(() => AccountToken.valid('password_reset', second.token)))
  })

  test('revoke stops a link', async ({ assert }) => {
    const { token, row } = await resetLink()
    await row.revoke()
    assert.equal(await problem(() => AccountToken.valid('password_reset', token)), 'revoked')
  })
})

test.group('Invitation: its lifecycle', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  /** The invitation's link, as its email carries it (the last one issued). */
  async function invite(values: Partial<Parameters<typeof Invitation.invite>[0]> = {}) {
    const manager = await createUser('manager')
    const invitation = await Invitation.invite(
      { email: 'Nouvelle.Personne@Example.test', role: 'official', ...values },
      manager
    )
    const { token } = await db.transaction((trx) =>
      AccountToken.issue(
        { purpose: 'invitation', email: invitation.email, invitationId: invitation.id },
        trx
      )
    )
    return { manager, invitation, token }
  }

  test('inviting records who invited whom', async ({ assert }) => {
    const { manager, invitation } = await invite()
    assert.equal(invitation.email, 'nouvelle.personne@example.test')
    assert.equal(invitation.invitedById, manager.id)
    assert.deepEqual(await recorded(invitation), ['invitation.created'])
  })

  test('an address that already has an account is refused', async ({ assert }) => {
    const manager = await createUser('manager')
    const existing = await createUser('official')
    assert.equal(
      await rejection(() =>
        Invitation.invite({ email: existing.email, role: 'official' }, manager)
      ),
      'invitations.errors.email_taken'
    )
  })

  test('one pending invitation per address: a second is refused until the first is settled', async ({
    assert,
  }) => {
    const { manager, invitation } = await invite()
    assert.equal(invitation.pendingEmail, 'nouvelle.personne@example.test')
    assert.equal(
      await rejection(() =>
        Invitation.invite({ email: ' NOUVELLE.personne@example.test ', role: 'manager' }, manager)
      ),
      'invitations.errors.already_pending'
    )
    const tenant = await createUser('tenant')
    assert.equal(
      await rejection(() =>
        Invitation.invite({ email: invitation.email, role: 'tenant', companyId: 1 }, tenant)
      ),
      'invitations.errors.already_pending_colleague'
    )
    await invitation.revoke()
    assert.isNull(invitation.pendingEmail)
    const again = await Invitation.invite({ email: invitation.email, role: 'official' }, manager)
    assert.equal(again.pendingEmail, invitation.email)
  })

  test('accepting creates the account with the role and company, once', async ({ assert }) => {
    const tenant = await createUser('tenant')
    const { invitation, token } = await invite({ role: 'tenant', companyId: tenant.companyId })
    const user = await Invitation.accept(token, {
      fullName: 'Nouvelle Personne',
      password: 'une-phrase-secrete-longue',
    })
    assert.equal(user.role, 'tenant')
    assert.equal(user.companyId, tenant.companyId)
    assert.deepEqual(await recorded(user), ['user.created'])
    await invitation.refresh()
    assert.equal(invitation.userId, user.id)
    assert.isNotNull(invitation.acceptedAt)
    assert.isNull(invitation.pendingEmail)
    assert.deepEqual(await recorded(invitation), ['invitation.created', 'invitation.accepted'])
    assert.equal(
      await problem(() =>
        Invitation.accept(token, { fullName: 'Encore', password: 'une-phrase-secrete-longue' })
      ),
      'used'
    )
    assert.lengthOf(await User.query().where('email', invitation.email), 1)
  })

  test('a revoked invitation cannot be accepted, nor resent', async ({ assert }) => {
    const { manager, invitation, token } = await invite()
    await invitation.revoke()
    assert.equal(
      await problem(() =>
        Invitation.accept(token, { fullName: 'Personne', password: 'une-phrase-secrete-longue' })
      ),
      'revoked'
    )
    assert.equal(
      await rejection(() => invitation.resend(manager)),
      'invitations.errors.not_pending'
    )
  })
})
