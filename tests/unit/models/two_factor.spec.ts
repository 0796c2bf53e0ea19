import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEvent from '#models/audit_event'
import { DomainError } from '#exceptions/domain_error'
import { createUser } from '#tests/support/fixtures'
import { codeFor, enableTwoFactor } from '#tests/support/two_factor'
import {
  acceptedStep,
  groupedKey,
  hashRecoveryCode,
  newTwoFactorSecret,
  TOTP_PERIOD,
} from '#helpers/two_factor'

test.group('User: two-factor sign-in', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('enrolment keeps the pending secret encrypted and turns on only with a right code', async ({
    assert,
  }) => {
    const user = await createUser('manager')
    const secret = (await user.pendingTwoFactorSecret())!
    assert.equal(await user.pendingTwoFactorSecret(), secret, 'the same secret until confirmed')
    assert.notInclude(user.twoFactorSecret!, secret)
    assert.isFalse(user.hasTwoFactor)

    await assert.rejects(() => user.enableTwoFactor('123'), DomainError)
    await assert.rejects(() => user.enableTwoFactor('abcdef'), DomainError)
    const codes = await user.enableTwoFactor(await codeFor(secret))
    assert.isTrue(user.hasTwoFactor)
    assert.lengthOf(codes, 10)
    assert.lengthOf(new Set(codes), 10)
    assert.isNull(await user.pendingTwoFactorSecret(), 'no new secret once on')
    const event = await AuditEvent.findByOrFail('action', 'user.two_factor_enabled')
    assert.equal(event.subjectId, user.id)
    assert.notInclude(JSON.stringify(event.serialize()), secret)
  })

  test('a code of the current period is accepted once; one of the next period after it', async ({
    assert,
  }) => {
    const user = await createUser('tenant')
    const { secret } = await enableTwoFactor(user)
    // Enrolment used the current period's code.
    assert.isFalse(await user.verifySecondFactor(await codeFor(secret)))
    const next = await codeFor(secret, 1)
    assert.isTrue(await user.verifySecondFactor(next))
    assert.isFalse(await user.verifySecondFactor(next), 'replayed')
    assert.isFalse(await user.verifySecondFactor(await codeFor(secret, 3)), 'too far ahead')
  })

  test('a step is refused when it is not later than the last accepted one', async ({ assert }) => {
    const secret = newTwoFactorSecret()
    const now = Date.now()
    const step = Math.floor(now / 1000 / TOTP_PERIOD)
    const code = await codeFor(secret, 0, now)
    assert.equal(await acceptedStep(secret, code, null, now), step)
    assert.isNull(await acceptedStep(secret, code, step, now))
    assert.equal(await acceptedStep(secret, code, step - 1, now), step)
  })

  test('a recovery code is used once, in any case and with or without its dash', async ({
    assert,
  }) => {
    const user = await createUser('manager')
    const { recoveryCodes } = await enableTwoFactor(user)
    assert.isTrue(await user.verifySecondFactor(recoveryCodes[0].toUpperCase().replace('-', '')))
    assert.equal(user.recoveryCodesLeft, 9)
    assert.isFalse(await user.verifySecondFactor(recoveryCodes[0]))
    assert.isFalse(await user.verifySecondFactor('zzzz-zzzz'))
    assert.notInclude(user.twoFactorRecoveryCodes!, recoveryCodes[1])
    assert.include(user.twoFactorRecoveryCodes!, hashRecoveryCode(recoveryCodes[1]))
  })

  test('turning it off or a reset drops the secret and the codes, each recorded', async ({
    assert,
  }) => {
    const user = await createUser('official')
    const { recoveryCodes } = await enableTwoFactor(user)
    await user.resetTwoFactor()
    assert.isFalse(user.hasTwoFactor)
    assert.isNull(user.twoFactorSecret)
    assert.isFalse(await user.verifySecondFactor(recoveryCodes[1]))
    await enableTwoFactor(user)
    await user.disableTwoFactor()
    const events = await AuditEvent.historyOf(user)
    assert.deepEqual(
      events.map((event) => event.action),
      [
        'user.two_factor_disabled',
        'user.two_factor_enabled',
        'user.two_factor_reset',
        'user.two_factor_enabled',
      ]
    )
  })

  test('the manual key is shown by groups of four', ({ assert }) => {
    assert.equal(groupedKey('ABCDEFGHIJKLMN'), 'ABCD EFGH IJKL MN')
  })
})
