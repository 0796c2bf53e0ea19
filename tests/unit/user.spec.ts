import { test } from '@japa/runner'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'

test.group('User', () => {
  test('disabling and enabling an account', ({ assert }) => {
    const user = new User()
    user.disabledAt = null
    assert.isFalse(user.isDisabled)
    user.disable()
    assert.isTrue(user.isDisabled)
    user.enable()
    assert.isFalse(user.isDisabled)
  })

  test('the audit trail never holds the password', ({ assert }) => {
    const user = new User()
    user.merge({ fullName: 'A', email: 'a@example.test', password: 'secret', role: 'manager' })
    user.disabledAt = null
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
