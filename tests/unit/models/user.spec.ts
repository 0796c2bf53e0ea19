import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import AuditEvent from '#models/audit_event'
import UserPolicy from '#policies/user_policy'
import { DomainError } from '#exceptions/domain_error'
import { createUser } from '#tests/support/fixtures'

test.group('User', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('disabling and enabling an account ends its sessions and is recorded', async ({
    assert,
  }) => {
    await createUser('manager')
    const user = await createUser('tenant')
    const generation = user.sessionGeneration ?? 0
    await user.disable()
    assert.isTrue(user.isDisabled)
    assert.equal(user.sessionGeneration, generation + 1)
    await user.enable()
    assert.isFalse(user.isDisabled)
    const events = await AuditEvent.historyOf(user)
    assert.deepEqual(
      events.map((event) => event.action),
      ['user.enabled', 'user.disabled']
    )
  })

  test('the last active manager can neither be disabled nor take another role', async ({
    assert,
  }) => {
    // Whatever the database holds already, this one is the last active manager.
    await User.query().where('role', 'manager').update({ disabled_at: '2026-01-01 00:00:00' })
    const manager = await createUser('manager')
    await assert.rejects(() => manager.disable(), DomainError)
    await assert.rejects(
      () => manager.updateAccount({ fullName: 'X', email: manager.email, role: 'official' }),
      DomainError
    )
    await manager.refresh()
    assert.isFalse(manager.isDisabled)
    assert.equal(manager.role, 'manager')
  })

  test('a new role ends the sessions; a new name does not', async ({ assert }) => {
    await createUser('manager')
    const user = await createUser('official')
    const generation = user.sessionGeneration ?? 0
    await user.updateAccount({ fullName: 'Nouveau Nom', email: user.email, role: 'official' })
    assert.equal(user.sessionGeneration ?? 0, generation)
    await user.updateAccount({ fullName: 'Nouveau Nom', email: user.email, role: 'manager' })
    assert.equal(user.sessionGeneration, generation + 1)
  })

  test('the audit trail never holds the password', async ({ assert }) => {
    const user = await createUser('tenant')
    await user.changePassword('another-long-password')
    const [event] = await AuditEvent.historyOf(user)
    assert.equal(event.action, 'user.password_changed')
    assert.notInclude(`${event.before}${event.after}`, 'another-long-password')
    assert.notInclude(`${event.before}${event.after}`, user.password)
    assert.notProperty(user.auditAttributes(), 'password')
  })

  test('only managers manage accounts, and never disable themselves', ({ assert }) => {
    const policy = new UserPolicy()
    const manager = Object.assign(new User(), { id: 1, role: 'manager' })
    const other = Object.assign(new User(), { id: 2, role: 'manager' })
    const tenant = Object.assign(new User(), { id: 3, role: 'tenant' })
    const official = Object.assign(new User(), { id: 4, role: 'official' })

    assert.isTrue(policy.viewList(manager))
    assert.isFalse(policy.viewList(tenant))
    assert.isFalse(policy.viewList(official))
    assert.isTrue(policy.disable(manager, other))
    assert.isFalse(policy.disable(manager, manager))
    assert.isFalse(policy.disable(official, tenant))
  })
})
