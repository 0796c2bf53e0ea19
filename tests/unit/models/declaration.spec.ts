import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import Declaration from '#models/declaration'
import Closure from '#models/closure'
import Booking from '#models/booking'
import AuditEvent from '#models/audit_event'
import { DomainError } from '#exceptions/domain_error'
import { day } from '#domain/periods'
import { localTime } from '#domain/local_time'
import { createUser } from '#tests/support/fixtures'
import { createRoom, hostedTenant, nextMonday } from '#tests/support/bookings'

const HEADCOUNT = { executives: 2, permanent: 1, fixedTerm: 0, apprentices: 1 }

/** The message key of the rule that refused a change, or null. */
async function rejection(change: () => Promise<unknown>) {
  try {
    await change()
  } catch (error) {
    if (error instanceof DomainError) return error.messageKey
    throw error
  }
  return null
}

test.group('Headcount declaration', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('declared by a tenant, validated once by a manager, then closed to the tenant', async ({
    assert,
  }) => {
    await createUser('manager')
    const manager = await createUser('manager')
    const { company, tenant } = await hostedTenant()
    company.enteredOn = day('2026-01-15')
    await company.save()
    const declaration = await Declaration.declare(
      company,
      { ...HEADCOUNT, kind: 'entry', periodOn: day('2026-01-15') },
      tenant
    )
    assert.equal(declaration.jobs, 4)
    assert.isFalse(declaration.isValidated)

    await declaration.validate(manager)
    assert.isTrue(declaration.isValidated)
    assert.equal(
      await rejection(() => declaration.validate(manager)),
      'declarations.errors.already_validated'
    )
    assert.equal(
      await rejection(() => declaration.update({ ...HEADCOUNT, permanent: 5 }, tenant, null)),
      'declarations.errors.validated'
    )
    assert.equal(
      await rejection(() =>
        declaration.update({ ...HEADCOUNT, permanent: 5 }, manager, { reason: '', note: '' })
      ),
      'declarations.errors.reason_required'
    )
    await declaration.update({ ...HEADCOUNT, permanent: 5 }, manager, {
      reason: 'Erreur de saisie',
      note: 'Correction : Erreur de saisie',
    })
    assert.equal(declaration.jobs, 8)
    assert.include(declaration.comment!, 'Correction : Erreur de saisie')
    const events = await AuditEvent.historyOf(declaration)
    const actions = events.map((event) => event.action)
    assert.deepEqual(actions, [
      'declaration.corrected',
      'declaration.validated',
      'declaration.created',
    ])
  })
})

test.group('Closure', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('cancels the bookings inside on demand, and is lifted once', async ({ assert }) => {
    const manager = await createUser('manager')
    const room = await createRoom()
    const { company, tenant } = await hostedTenant()
    const date = nextMonday()
    const inside = await Booking.book(
      {
        meetingRoomId: room.id,
        companyId: company.id,
        title: 'Dedans',
        attendees: 2,
        startsAt: localTime(date, '10:00').instant!,
        endsAt: localTime(date, '11:00').instant!,
      },
      tenant,
      null
    )
    const closure = await Closure.close(
      {
        buildingId: room.buildingId,
        meetingRoomId: room.id,
        reason: 'Travaux',
        startsAt: localTime(date, '08:00').instant!,
        endsAt: localTime(date, '12:00').instant!,
      },
      manager
    )
    const cancelled = await closure.cancelBookingsInside(manager)
    assert.deepEqual(
      cancelled.map((booking) => booking.id),
      [inside.id]
    )
    await inside.refresh()
    assert.equal(inside.cancellationReason, 'Travaux')

    await closure.lift(manager)
    assert.isFalse(closure.isActive)
    assert.isTrue(closure.liftedAt! <= DateTime.utc())
    assert.equal(await rejection(() => closure.lift(manager)), 'closures.errors.already_lifted')
  })
})
