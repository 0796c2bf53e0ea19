import { test } from '@japa/runner'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import router from '@adonisjs/core/services/router'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import hash from '@adonisjs/core/services/hash'
import type { VineValidator } from '@vinejs/vine'
import type User from '#models/user'
import Goal from '#models/goal'
import Declaration from '#models/declaration'
import OutgoingEmail from '#models/outgoing_email'
import { EXIT_REASONS, LEGAL_FORMS, SECTORS } from '#models/company'
import { GOAL_MEASURES } from '#domain/goals'
import { day, today } from '#domain/periods'
import { createCompany, createUser, PASSWORD } from '#tests/support/fixtures'
import { visibleText } from '#tests/support/html'
import { createCell, openAgreement } from '#tests/support/agreements'
import { bookDirectly, createRoom, hostedTenant, nextMonday } from '#tests/support/bookings'
import { updateLocaleValidator } from '#validators/locale'
import { loginValidator } from '#validators/session'
import { updatePasswordValidator } from '#validators/password'
import { emailChangeValidator } from '#validators/email_change'
import {
  billingDetailsValidator,
  companyValidator,
  createExitValidator,
  updateContactValidator,
} from '#validators/company'
import { createDeclarationValidator, updateDeclarationValidator } from '#validators/declaration'
import {
  cancelBookingValidator,
  createBookingValidator,
  updateBookingValidator,
} from '#validators/booking'
import { goalValidator } from '#validators/goal'
import { createUserValidator, updateUserValidator } from '#validators/user'
import {
  agreementValidator,
  createMoveValidator,
  createRenewalValidator,
  createTerminationValidator,
} from '#validators/agreement'
import { closureValidator } from '#validators/closure'
import { meetingRoomValidator } from '#validators/meeting_room'
import { updateSettingsValidator } from '#validators/setting'
import { cellValidator } from '#validators/cell'
import { operatorValidator } from '#validators/operator'
import {
  createService,
  mandateForm,
  operatorForm,
  serviceForm,
  signMandate,
} from '#tests/support/billing'
import { mandateValidator, revocationValidator } from '#validators/mandate'
import { serviceValidator } from '#validators/service'
import { passwordResetRequestValidator, passwordResetValidator } from '#validators/password_reset'
import { invitationAcceptanceValidator, managerInvitationValidator } from '#validators/invitation'
import AccountToken from '#models/account_token'
import Invitation from '#models/invitation'
import { draftAndIssuedInvoices } from '#tests/support/invoices'
import {
  billingMonthValidator,
  createCreditNoteValidator,
  createInvoiceLineValidator,
  updateInvoiceLineValidator,
} from '#validators/invoice'
import {
  renewRecoveryCodesValidator,
  twoFactorCodeValidator,
  twoFactorConfirmationValidator,
} from '#validators/two_factor'
import { codeFor, enableTwoFactor } from '#tests/support/two_factor'

/**
 * Every form of every role, attacked one field at a time with hostile values while the other
 * fields stay valid. For each request: never a 5xx; refused, it comes back to the form with a
 * French message next to the field (elsewhere only where FORMS says so, with the reason), the
 * other input kept and the database untouched (the data's revision and every table's row
 * count, read in one query); accepted, only for a value that is legitimate input for that
 * field (a free text may hold quotes, an emoji or "<script>": the page it leads to shows it
 * escaped). The form's page is then made with the refusals' input and messages (one page per
 * shape of input kept: none, a value, a list): it answers 200 and shows each message by its
 * field. Each request runs inside a savepoint of the test's global transaction (the app's own
 * transactions are savepoints inside it), rolled back after it.
 *
 * A new POST/PUT/DELETE route fails the first test until it is listed in FORMS (with its
 * fields; every field its validator reads must be there) or in BODYLESS (with the reason it
 * reads no body).
 */

type Actor = 'anonymous' | 'manager' | 'tenant' | 'official'
type Body = Record<string, string | string[]>

/** What a field takes: whether it may be left out, and which typed values are legitimate. */
type Field = {
  optional: boolean
  /** Whether a (scalar) value is legitimate input for the field, so that accepting it is right. */
  accepts: (value: string) => boolean
  /** A list (checkboxes, several inputs of one name): a hostile value is sent as its only item. */
  list?: boolean
  /** A password: never kept in the session, never sent back. */
  secret?: boolean
  /** A field no validator property names, and the rule that reads it. */
  readBy?: string
  /** Hostile values of its own kind, sent after the common ones (identifiers' lookalikes...). */
  hostile?: Hostile[]
}

/** The records the forms need, built once per test. */
type Fixtures = Awaited<ReturnType<typeof buildFixtures>>

/** Where a refusal's message may go instead of next to the field attacked, and why. */
type Elsewhere = {
  /** The field whose message it is, or "error" for the form's message at the top. */
  on: string
  /** The values concerned (every hostile value when left out). */
  when?: (value: Hostile['value']) => boolean
  why: string
}

type FormSpec = {
  validator: VineValidator<any, any>
  actors: Actor[]
  url: (fx: Fixtures) => string
  /** The page holding the form (the referer a browser sends). */
  page: (fx: Fixtures, actor: Actor) => string
  body: (fx: Fixtures, actor: Actor, prepared: Body) => Body
  /** What to set up first (a second factor); gives what the valid body needs (a code). */
  setUp?: (fx: Fixtures, actor: Actor) => Promise<Body>
  /** What the session holds for the form (a sign-in waiting for its code). */
  session?: (fx: Fixtures) => Record<string, any>
  fields: Record<string, Field>
  multipart?: boolean
  elsewhere?: Record<string, Elsewhere>
}

const MISSING = Symbol('the field left out')
const TWICE = Symbol('the field sent twice')
type Hostile = { label: string; value: string | typeof MISSING | typeof TWICE }

/** A value that says nothing: left out, empty or blanks (the body parser reads blanks as null). */
function isBlank(value: Hostile['value']) {
  return value === MISSING || (typeof value === 'string' && value.trim() === '')
}

/** A checkbox left unticked by a value: nothing, or a false. */
function unticks(value: Hostile['value']) {
  return isBlank(value) || value === '0' || value === 'false'
}

/** The hostile values sent to every field. */
const HOSTILE: Hostile[] = [
  { label: 'empty', value: '' },
  { label: 'blanks', value: '   ' },
  { label: '10,000 characters', value: 'x'.repeat(10_000) },
  { label: '-1', value: '-1' },
  { label: '0', value: '0' },
  { label: '20 nines', value: '99999999999999999999' },
  { label: 'the largest 32-bit id (no such record)', value: '2147483647' },
  { label: '1e308', value: '1e308' },
  { label: '1,5', value: '1,5' },
  { label: '1.5', value: '1.5' },
  { label: '1 234,56', value: '1 234,56' },
  { label: 'February 30th', value: '2026-02-30' },
  { label: 'year 9999', value: '9999-12-31' },
  { label: 'year 1', value: '0001-01-01' },
  { label: 'a NUL', value: 'a\u0000b' },
  { label: 'control characters', value: '\u0007\u001b[31m' },
  { label: 'emoji', value: '😀🏢' },
  { label: 'SQL', value: "'; DROP TABLE users; --" },
  { label: 'SQL tautology', value: '1 OR 1=1' },
  { label: 'a script', value: '<script>alert(1)</script>' },
  { label: 'an attribute breakout', value: '"><img src=x onerror=alert(1)>' },
  { label: 'a template', value: '{{ 7*7 }}' },
  { label: 'sent twice', value: TWICE },
  { label: 'missing', value: MISSING },
]

/* ---------------------------------------------------------------------------------------
 * What each kind of field takes (the legitimate values among the hostile ones).
 * ------------------------------------------------------------------------------------- */

/** Control characters no person types (tabs and line breaks aside). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

/** A free text of min to max characters once trimmed: anything printable is legitimate. */
function text(min: number, max: number, optional = false): Field {
  return {
    optional,
    accepts: (value) =>
      !CONTROL.test(value) &&
      value.trim().length <= max &&
      (value.trim().length >= min || (optional && value.trim() === '')),
  }
}

/** A password: any characters, min to max of them. */
function secret(min: number, max: number): Field {
  return {
    optional: false,
    secret: true,
    accepts: (value) => value.length >= min && value.length <= max,
  }
}

/** A whole number from min to max, typed in digits. */
function int(min: number, max: number, optional = false): Field {
  return {
    optional,
    accepts: (value) => /^-?\d+$/.test(value) && Number(value) >= min && Number(value) <= max,
  }
}

/** A decimal typed the French or English way, at most two decimals, above min, at most max. */
function decimal(min: number, max: number, optional = false): Field {
  return {
    optional,
    accepts: (value) => {
      if (!/^\d+([.,]\d{1,2})?$/.test(value)) return false
      const number = Number(value.replace(',', '.'))
      return number > min && number <= max
    },
  }
}

/** An amount in euros ("1 234,56" or "1234.56"), never negative, at most max. */
function euros(max: number, optional = false, list = false): Field {
  return {
    optional,
    list,
    accepts: (value) =>
      /^\d{1,3}([\s\u00a0\u202f]?\d{3})*([.,]\d{1,2})?$|^\d+([.,]\d{1,2})?$/.test(value) &&
      Number(value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')) <= max,
  }
}

/** A checkbox: ticked or not ("0", "false" and nothing at all mean not ticked). */
function checkbox(): Field {
  return { optional: true, accepts: (value) => ['0', '1', 'true', 'false', 'on'].includes(value) }
}

/**
 * A value of a closed set or a strict format (a record's id, a choice, a date, a time, an
 * email address, a SIRET...): none of the hostile values is one.
 */
function strict(optional = false, list = false): Field {
  return { optional, list, accepts: () => false }
}

/** An account number of the chart of accounts: 3 to 12 digits. */
function accountNumber(): Field {
  return { optional: false, accepts: (value) => /^\d{3,12}$/.test(value.trim()) }
}

/** A cell's code: capitals, digits and dashes (typed in any case), 1 to 16 of them. */
function cellCode(): Field {
  return { optional: false, accepts: (value) => /^[A-Z0-9-]{1,16}$/i.test(value.trim()) }
}

/** A phone number: digits (15 at most, the international limit), spaces, dots, dashes, a leading +. */
function phone(): Field {
  return {
    optional: true,
    accepts: (value) =>
      /^\+?[\d\s().-]{6,}$/.test(value.trim()) && value.replace(/\D/g, '').length <= 15,
  }
}

/**
 * An identifier with a check key (IBAN, BIC, VAT number, creditor identifier), attacked with
 * its own lookalikes too: typed with spaces or in lower case (legitimate: stored compact),
 * a wrong check key, a digit or letter from another script, a control character inside,
 * 10 KB of it. `legit` lists the values among them that are this identifier.
 */
function identifier(lookalikes: Record<string, string>, legit: string[], optional = true): Field {
  return {
    optional,
    accepts: (value) => legit.includes(value),
    hostile: [
      ...Object.entries(lookalikes).map(([label, value]) => ({ label, value })),
      { label: '10 KB of digits', value: '7'.repeat(10_240) },
    ],
  }
}

const IBAN_LOOKALIKES = {
  'IBAN with spaces': 'FR76 3000 6000 0112 3456 7890 189',
  'IBAN in lower case': 'fr7630006000011234567890189',
  'IBAN with a wrong check digit': 'FR7630006000011234567890188',
  'IBAN with a full-width digit': 'FR76 3000 6000 0112 3456 7890 18\uff19',
  'IBAN with Cyrillic O for zeros': 'FR76 3\u041e\u041e\u041e 6000 0112 3456 7890 189',
  'IBAN with a NUL inside': 'FR76 3000\u00006000 0112 3456 7890 189',
  'IBAN of a country outside SEPA': 'BR1800360305000010009795493C1',
}
const IBAN = (optional = true) =>
  identifier(
    IBAN_LOOKALIKES,
    [IBAN_LOOKALIKES['IBAN with spaces'], IBAN_LOOKALIKES['IBAN in lower case']],
    optional
  )
const BIC_LOOKALIKES = {
  'BIC with spaces, lower case': 'agri fr pp xxx',
  'BIC of 7 characters': 'AGRIFRP',
  'BIC with a digit in its country': 'AGRI1RPP',
  'BIC with a Cyrillic A': '\u0410GRIFRPP',
}
const BIC = (optional = true) =>
  identifier(BIC_LOOKALIKES, [BIC_LOOKALIKES['BIC with spaces, lower case']], optional)

/* ---------------------------------------------------------------------------------------
 * The fixtures and the forms.
 * ------------------------------------------------------------------------------------- */

/**
 * One of each record the forms work on. Days are counted from today so that the forms stay
 * valid whatever the day the suite runs: the hosted company entered on 1 January of last
 * year (its entry declaration awaits validation, its first quarter is due), its agreement
 * runs until the middle of next year.
 */
async function buildFixtures() {
  const year = today().year
  const enteredOn = `${year - 1}-01-01`
  const [cellLet, cellFree, cellMove, cellEdit, cellDraft] = [
    await createCell(),
    await createCell(),
    await createCell(),
    await createCell(),
    await createCell(),
  ]
  const { company: hosted, tenant } = await hostedTenant('Hébergée')
  hosted.enteredOn = day(enteredOn)
  await hosted.save()
  const agreement = await openAgreement({
    companyId: hosted.id,
    cellIds: [cellLet.id],
    startsOn: day(enteredOn),
    endsOn: day(`${year + 1}-06-30`),
  })
  agreement.status = 'active'
  await agreement.save()
  const candidate = await createCompany('Candidate')
  const draft = await openAgreement({
    companyId: candidate.id,
    cellIds: [cellDraft.id],
    startsOn: day(`${year + 1}-01-01`),
    endsOn: day(`${year + 1}-12-31`),
  })
  const userToEdit = await createUser('tenant', { companyId: candidate.id })
  const manager = await createUser('manager')
  const official = await createUser('official')
  const room = await createRoom()
  const booking = await bookDirectly(room, hosted.id, nextMonday(), '10:00', '11:00')
  const goal = await Goal.create({
    name: 'Objectif',
    startsOn: day('2026-01-01'),
    endsOn: day('2028-12-31'),
    targetJobs: 10,
    measure: 'jobs_hosted',
  })
  const declaration = await Declaration.create({
    companyId: hosted.id,
    kind: 'entry',
    periodOn: day(enteredOn),
    executives: 1,
    permanent: 0,
    fixedTerm: 0,
    apprentices: 0,
    interns: 0,
    status: 'submitted',
  })
  const service = await createService()
  const mandate = await signMandate(hosted.id)
  const users: Record<Actor, User | null> = { anonymous: null, manager, tenant, official }
  const { draftInvoice, draftInvoiceLine, issuedInvoice, issuedInvoiceLine } =
    await draftAndIssuedInvoices(hosted, year)
  const resetLink = await db.transaction((trx) =>
    AccountToken.issue(
      { purpose: 'password_reset', email: official.email, userId: official.id },
      trx
    )
  )
  const invitation = await Invitation.create({ email: 'invitee@hostile.example', role: 'official' })
  const invitationLink = await db.transaction((trx) =>
    AccountToken.issue(
      { purpose: 'invitation', email: invitation.email, invitationId: invitation.id },
      trx
    )
  )
  return {
    resetToken: resetLink.token,
    invitationToken: invitationLink.token,
    year,
    users,
    hosted,
    candidate,
    userToEdit,
    agreement,
    draft,
    cellFree,
    cellDraft,
    cellMove,
    cellEdit,
    room,
    booking,
    goal,
    declaration,
    service,
    mandate,
    draftInvoice,
    draftInvoiceLine,
    issuedInvoice,
    issuedInvoiceLine,
    in: (months: number) => today().plus({ months }).toISODate()!,
  }
}

const OPENING_HOURS = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
    [`opens${weekday}`, strict(true)],
    [`closes${weekday}`, strict(true)],
  ])
)

const HEADCOUNT = {
  executives: int(0, 1000),
  permanent: int(0, 1000),
  fixedTerm: int(0, 1000),
  apprentices: int(0, 1000),
  interns: int(0, 1000, true),
  fte: decimal(-1, 5000, true),
  stillTrading: checkbox(),
  comment: text(0, 1000, true),
}

const headcountBody = {
  executives: '2',
  permanent: '3',
  fixedTerm: '1',
  apprentices: '1',
  interns: '1',
  fte: '2,5',
  stillTrading: 'true',
  comment: 'Deux embauches ce trimestre',
}

const COMPANY_FIELDS = {
  name: text(2, 160),
  siret: strict(true),
  legalForm: strict(true),
  nafCode: strict(true),
  sector: strict(),
  digital: checkbox(),
  foundedOn: strict(true),
  contactName: text(0, 120, true),
  email: strict(true),
  phone: phone(),
  website: strict(true),
  notes: text(0, 5000, true),
  bookingQuotaHours: decimal(-1, 744, true),
  billingAddress: text(3, 400, true),
  billingPostcode: {
    optional: true,
    accepts: (value: string) => /^[A-Z0-9][A-Z0-9 -]{1,14}$/i.test(value.trim()),
  },
  billingCity: text(1, 120, true),
  billingCountryCode: strict(true),
  billingEmail: strict(true),
}

/** The agreement's fields, drafted or edited. */
const AGREEMENT_FIELDS = {
  companyId: strict(),
  cellIds: strict(false, true),
  startsOn: strict(),
  endsOn: strict(),
  noticeMonths: int(0, 12),
  rentSteps: euros(1000, false, true),
  monthlyCharges: euros(100_000),
  deposit: euros(1_000_000),
}

const companyBody = {
  name: 'Atelier du Hainaut',
  siret: '732 829 320 00074',
  legalForm: LEGAL_FORMS[0],
  nafCode: '62.01Z',
  sector: SECTORS[0],
  digital: 'true',
  foundedOn: '2020-05-04',
  contactName: 'Camille Martin',
  email: 'contact@atelier.example',
  phone: '03 27 00 00 00',
  website: 'https://atelier.example',
  notes: 'Rencontrée au salon',
  bookingQuotaHours: '10',
  billingAddress: '12 rue des Forges',
  billingPostcode: '59300',
  billingCity: 'Valenciennes',
  billingCountryCode: 'FR',
  billingEmail: 'compta@atelier.example',
}

const GOAL_FIELDS = {
  name: text(3, 160),
  startsOn: strict(),
  endsOn: strict(),
  targetJobs: int(1, 100_000),
  measure: strict(),
  makeCurrent: checkbox(),
}

const goalBody = {
  name: 'Objectif 2030',
  startsOn: '2027-01-01',
  endsOn: '2029-12-31',
  targetJobs: '80',
  measure: GOAL_MEASURES[0],
  makeCurrent: 'true',
}

const SERVICE_FIELDS = {
  name: text(2, 120),
  description: text(0, 500, true),
  unit: strict(),
  unitPrice: euros(10_000),
  vat: strict(),
  vatExemptionReason: text(5, 255),
}

const BOOKING_FIELDS = {
  date: strict(),
  startTime: strict(),
  endTime: strict(),
  title: text(2, 160),
  attendees: int(1, 8),
  overrideReason: text(0, 255, true),
}

const INVOICE_LINE_FIELDS = {
  description: text(2, 255),
  quantity: decimal(0, 100_000),
  unit: strict(),
  unitPrice: euros(1_000_000),
  vatRateBp: {
    optional: false,
    accepts: (value: string) => ['2000', '1000', '550', '210', '0'].includes(value),
  },
}

const INVOICE_LINE_BODY = {
  description: 'Domiciliation',
  quantity: '1',
  unit: 'C62',
  unitPrice: '30',
  vatRateBp: '2000',
}

const managersAndTenants: Actor[] = ['manager', 'tenant']
const everyoneLoggedIn: Actor[] = ['manager', 'tenant', 'official']

/** The forms that check a password or a code, throttled: the throttle is emptied before each request. */
const THROTTLED = [
  'session.store',
  'session.two_factor_challenge.store',
  'password_resets.store',
  'account.two_factor.destroy',
  'account.two_factor.recovery_codes.store',
  'account.email.update',
]

/** A sign-in whose password was right, waiting for the manager's code. */
const secondStep = (fx: Fixtures) => ({
  twoFactorChallenge: { userId: fx.users.manager!.id, expiresAt: Date.now() + 5 * 60_000 },
})

/** Every form that takes a body, by route name. */
const FORMS: Record<string, FormSpec> = {
  'locale.update': {
    validator: updateLocaleValidator,
    actors: ['anonymous', ...everyoneLoggedIn],
    url: () => '/locale',
    page: (_fx, actor) => (actor === 'anonymous' ? '/login' : '/'),
    body: () => ({ locale: 'en' }),
    fields: { locale: strict() },
  },
  'session.store': {
    validator: loginValidator,
    actors: ['anonymous'],
    url: () => '/login',
    page: () => '/login',
    body: (fx) => ({ email: fx.users.manager!.email, password: PASSWORD }),
    fields: { email: strict(), password: secret(1, 128) },
    elsewhere: {
      password: {
        on: 'error',
        when: (value) => typeof value === 'string' && !isBlank(value) && value.length <= 128,
        why: 'a wrong password is told at the top of the form, like a wrong email, never which of the two is wrong',
      },
    },
  },
  'session.two_factor_challenge.store': {
    validator: twoFactorCodeValidator,
    actors: ['anonymous'],
    url: () => '/session/two-factor-challenge',
    page: () => '/session/two-factor-challenge/create',
    setUp: async (fx) => {
      const enrolled = await enableTwoFactor(fx.users.manager!)
      return { code: await codeFor(enrolled.secret, 1) }
    },
    session: secondStep,
    body: (_fx, _actor, prepared) => prepared,
    fields: { code: strict() },
  },
  'account.two_factor.store': {
    validator: twoFactorCodeValidator,
    actors: everyoneLoggedIn,
    url: () => '/account/two-factor',
    page: () => '/account/two-factor/create',
    setUp: async (fx, actor) => ({
      code: await codeFor((await fx.users[actor]!.pendingTwoFactorSecret())!),
    }),
    body: (_fx, _actor, prepared) => prepared,
    fields: { code: strict() },
  },
  'account.two_factor.destroy': {
    validator: twoFactorConfirmationValidator,
    actors: everyoneLoggedIn,
    url: () => '/account/two-factor',
    page: () => '/account/two-factor',
    setUp: async (fx, actor) => {
      await enableTwoFactor(fx.users[actor]!)
      return { password: PASSWORD }
    },
    body: (_fx, _actor, prepared) => prepared,
    fields: { password: secret(1, 128) },
  },
  'account.two_factor.recovery_codes.store': {
    validator: renewRecoveryCodesValidator,
    actors: everyoneLoggedIn,
    url: () => '/account/two-factor/recovery-codes',
    page: () => '/account/two-factor',
    setUp: async (fx, actor) => {
      await enableTwoFactor(fx.users[actor]!)
      return { confirmation: PASSWORD }
    },
    body: (_fx, _actor, prepared) => prepared,
    fields: { confirmation: secret(1, 128) },
  },
  'password.update': {
    validator: updatePasswordValidator,
    actors: everyoneLoggedIn,
    url: () => '/account/password',
    page: () => '/account/password/edit',
    body: () => ({
      currentPassword: PASSWORD,
      password: 'une-nouvelle-phrase-secrete',
      passwordConfirmation: 'une-nouvelle-phrase-secrete',
    }),
    fields: {
      currentPassword: secret(1, 128),
      password: secret(12, 128),
      passwordConfirmation: { ...secret(12, 128), readBy: "the new password's confirmed rule" },
    },
    elsewhere: {
      password: {
        on: 'passwordConfirmation',
        when: (value) => typeof value === 'string' && value.length >= 12 && value.length <= 128,
        why: 'a well-formed new password that its confirmation does not repeat is told next to the confirmation',
      },
    },
  },
  'companies.contact.update': {
    validator: updateContactValidator,
    actors: managersAndTenants,
    url: (fx) => `/companies/${fx.hosted.id}/contact`,
    page: (fx) => `/companies/${fx.hosted.id}/contact/edit`,
    body: () => ({
      contactName: 'Camille Martin',
      email: 'contact@hebergee.example',
      phone: '+33 3 27 00 00 00',
      website: 'https://hebergee.example',
    }),
    fields: {
      contactName: text(0, 120, true),
      email: strict(true),
      phone: phone(),
      website: strict(true),
    },
  },
  'companies.declarations.store': {
    validator: createDeclarationValidator,
    actors: managersAndTenants,
    url: (fx) => `/companies/${fx.hosted.id}/declarations`,
    page: (fx) => `/companies/${fx.hosted.id}/declarations/create`,
    body: (fx) => ({ kind: 'quarter', periodOn: `${fx.year - 1}-03-31`, ...headcountBody }),
    fields: { kind: strict(), periodOn: strict(), ...HEADCOUNT },
  },
  'declarations.update': {
    validator: updateDeclarationValidator,
    actors: managersAndTenants,
    url: (fx) => `/declarations/${fx.declaration.id}`,
    page: (fx) => `/declarations/${fx.declaration.id}/edit`,
    body: () => ({ ...headcountBody, reason: 'Apprenti oublié' }),
    fields: { ...HEADCOUNT, reason: text(0, 255, true) },
  },
  'bookings.store': {
    validator: createBookingValidator,
    actors: managersAndTenants,
    url: () => '/bookings',
    page: () => '/bookings/create',
    body: (fx) => ({
      meetingRoomId: String(fx.room.id),
      companyId: String(fx.hosted.id),
      date: nextMonday(2),
      startTime: '14:00',
      endTime: '15:00',
      title: 'Comité de pilotage',
      attendees: '4',
      overrideReason: 'Réunion du conseil',
      repeatEvery: '1',
      repeatUntil: nextMonday(3),
      repeatCount: '2',
      conflicts: 'skip',
    }),
    fields: {
      meetingRoomId: strict(),
      companyId: strict(true),
      ...BOOKING_FIELDS,
      repeatEvery: strict(true),
      repeatUntil: strict(true),
      repeatCount: int(2, 52, true),
      conflicts: strict(true),
    },
  },
  'bookings.update': {
    validator: updateBookingValidator,
    actors: managersAndTenants,
    url: (fx) => `/bookings/${fx.booking.id}`,
    page: (fx) => `/bookings/${fx.booking.id}/edit`,
    body: () => ({
      date: nextMonday(),
      startTime: '14:00',
      endTime: '15:30',
      title: 'Point client déplacé',
      attendees: '3',
      overrideReason: 'Client en retard',
    }),
    fields: BOOKING_FIELDS,
  },
  'bookings.cancellation.store': {
    validator: cancelBookingValidator,
    actors: managersAndTenants,
    url: (fx) => `/bookings/${fx.booking.id}/cancellation`,
    page: () => '/bookings',
    body: () => ({ reason: 'Empêchement', scope: 'one' }),
    fields: { reason: text(0, 255, true), scope: strict(true) },
  },
  'goals.store': {
    validator: goalValidator,
    actors: ['manager'],
    url: () => '/goals',
    page: () => '/goals/create',
    body: () => goalBody,
    fields: GOAL_FIELDS,
  },
  'account.email.update': {
    validator: emailChangeValidator,
    actors: everyoneLoggedIn,
    url: () => '/account/email',
    page: () => '/account/email/edit',
    body: () => ({ email: 'nouvelle-adresse@hostile.example', currentPassword: PASSWORD }),
    fields: { email: strict(), currentPassword: secret(1, 128) },
  },
  'goals.update': {
    validator: goalValidator,
    actors: ['manager'],
    url: (fx) => `/goals/${fx.goal.id}`,
    page: (fx) => `/goals/${fx.goal.id}/edit`,
    body: () => goalBody,
    fields: GOAL_FIELDS,
  },
  'password_resets.store': {
    validator: passwordResetRequestValidator,
    actors: ['anonymous'],
    url: () => '/password-resets',
    page: () => '/password-resets/create',
    body: (fx) => ({ email: fx.users.official!.email }),
    fields: { email: strict() },
  },
  'password_resets.update': {
    validator: passwordResetValidator,
    actors: ['anonymous'],
    url: (fx) => `/password-resets/${fx.resetToken}`,
    page: (fx) => `/password-resets/${fx.resetToken}/edit`,
    body: () => ({
      password: 'une-nouvelle-phrase-secrete',
      passwordConfirmation: 'une-nouvelle-phrase-secrete',
    }),
    fields: {
      password: secret(12, 128),
      passwordConfirmation: { ...secret(12, 128), readBy: "the new password's confirmed rule" },
    },
    elsewhere: {
      password: {
        on: 'passwordConfirmation',
        when: (value) => typeof value === 'string' && value.length >= 12 && value.length <= 128,
        why: 'a well-formed new password that its confirmation does not repeat is told next to the confirmation',
      },
    },
  },
  'invitations.store': {
    validator: managerInvitationValidator,
    actors: ['manager'],
    url: () => '/invitations',
    page: () => '/invitations/create',
    body: (fx) => ({
      email: 'someone@hostile.example',
      fullName: 'Dominique Lefebvre',
      role: 'tenant',
      companyId: String(fx.candidate.id),
    }),
    fields: {
      email: strict(),
      fullName: text(0, 120, true),
      role: strict(),
      companyId: strict(true),
    },
  },
  'invitations.acceptance.store': {
    validator: invitationAcceptanceValidator,
    actors: ['anonymous'],
    url: (fx) => `/invitations/${fx.invitationToken}/acceptance`,
    page: (fx) => `/invitations/${fx.invitationToken}/acceptance/create`,
    body: () => ({
      fullName: 'Dominique Lefebvre',
      password: 'une-nouvelle-phrase-secrete',
      passwordConfirmation: 'une-nouvelle-phrase-secrete',
    }),
    fields: {
      fullName: text(2, 120),
      password: secret(12, 128),
      passwordConfirmation: { ...secret(12, 128), readBy: "the new password's confirmed rule" },
    },
    elsewhere: {
      password: {
        on: 'passwordConfirmation',
        when: (value) => typeof value === 'string' && value.length >= 12 && value.length <= 128,
        why: 'a well-formed new password that its confirmation does not repeat is told next to the confirmation',
      },
    },
  },
  'users.store': {
    validator: createUserValidator,
    actors: ['manager'],
    url: () => '/users',
    page: () => '/users/create',
    body: (fx) => ({
      fullName: 'Dominique Lefebvre',
      role: 'tenant',
      companyId: String(fx.candidate.id),
      email: 'dominique@candidate.example',
      password: 'une-phrase-secrete-longue',
    }),
    fields: {
      fullName: text(2, 120),
      role: strict(),
      companyId: strict(true),
      email: strict(),
      password: secret(12, 128),
    },
  },
  'users.update': {
    validator: updateUserValidator,
    actors: ['manager'],
    url: (fx) => `/users/${fx.userToEdit.id}`,
    page: (fx) => `/users/${fx.userToEdit.id}/edit`,
    body: (fx) => ({
      fullName: 'Dominique Lefebvre',
      role: 'tenant',
      companyId: String(fx.candidate.id),
      email: 'dominique@candidate.example',
    }),
    fields: {
      fullName: text(2, 120),
      role: strict(),
      companyId: strict(true),
      email: strict(),
    },
  },
  'companies.store': {
    validator: companyValidator,
    actors: ['manager'],
    url: () => '/companies',
    page: () => '/companies/create',
    body: () => companyBody,
    fields: COMPANY_FIELDS,
  },
  'companies.update': {
    validator: companyValidator,
    actors: ['manager'],
    url: (fx) => `/companies/${fx.candidate.id}`,
    page: (fx) => `/companies/${fx.candidate.id}/edit`,
    body: () => companyBody,
    fields: COMPANY_FIELDS,
  },
  'companies.exit.store': {
    validator: createExitValidator,
    actors: ['manager'],
    url: (fx) => `/companies/${fx.hosted.id}/exit`,
    page: (fx) => `/companies/${fx.hosted.id}/exit/create`,
    body: (fx) => ({ exitOn: fx.in(1), exitReason: EXIT_REASONS[0] }),
    fields: { exitOn: strict(), exitReason: strict() },
  },
  'agreements.store': {
    validator: agreementValidator,
    actors: ['manager'],
    url: () => '/agreements',
    page: () => '/agreements/create',
    body: (fx) => ({
      companyId: String(fx.candidate.id),
      cellIds: [String(fx.cellFree.id)],
      startsOn: `${fx.year + 1}-01-01`,
      endsOn: `${fx.year + 1}-12-31`,
      noticeMonths: '3',
      rentSteps: ['10', '11,50', '13'],
      monthlyCharges: '45,50',
      deposit: '1 200',
    }),
    fields: AGREEMENT_FIELDS,
  },
  'agreements.update': {
    validator: agreementValidator,
    actors: ['manager'],
    url: (fx) => `/agreements/${fx.draft.id}`,
    page: (fx) => `/agreements/${fx.draft.id}/edit`,
    body: (fx) => ({
      companyId: String(fx.candidate.id),
      cellIds: [String(fx.cellDraft.id)],
      startsOn: `${fx.year + 1}-02-01`,
      endsOn: `${fx.year + 2}-01-31`,
      noticeMonths: '2',
      rentSteps: ['9', '10,50', '12'],
      monthlyCharges: '60',
      deposit: '1 500',
    }),
    fields: AGREEMENT_FIELDS,
  },
  'agreements.termination.store': {
    validator: createTerminationValidator,
    actors: ['manager'],
    url: (fx) => `/agreements/${fx.agreement.id}/termination`,
    page: (fx) => `/agreements/${fx.agreement.id}/termination/create`,
    body: (fx) => ({
      noticeGivenOn: fx.in(0),
      terminatedOn: fx.in(1),
      reason: 'Locaux trouvés en ville',
      overrideNotice: 'true',
      overrideReason: 'Accord des deux parties',
    }),
    fields: {
      terminatedOn: strict(),
      noticeGivenOn: strict(),
      reason: text(3, 255),
      overrideNotice: checkbox(),
      overrideReason: text(0, 255, true),
    },
    elsewhere: {
      overrideNotice: {
        on: 'terminatedOn',
        when: unticks,
        why: 'without the override, the day that no longer respects the notice is the one told',
      },
    },
  },
  'agreements.move.store': {
    validator: createMoveValidator,
    actors: ['manager'],
    url: (fx) => `/agreements/${fx.agreement.id}/move`,
    page: (fx) => `/agreements/${fx.agreement.id}/move/create`,
    body: (fx) => ({ movesOn: fx.in(1), cellIds: [String(fx.cellMove.id)] }),
    fields: { movesOn: strict(), cellIds: strict(false, true) },
  },
  'agreements.renewal.store': {
    validator: createRenewalValidator,
    actors: ['manager'],
    url: (fx) => `/agreements/${fx.agreement.id}/renewal`,
    page: (fx) => `/agreements/${fx.agreement.id}/renewal/create`,
    body: (fx) => ({ endsOn: `${fx.year + 1}-12-31` }),
    fields: { endsOn: strict() },
  },
  'closures.store': {
    validator: closureValidator,
    actors: ['manager'],
    url: () => '/closures',
    page: () => '/closures/create',
    body: (fx) => ({
      buildingId: String(fx.room.buildingId),
      meetingRoomId: String(fx.room.id),
      startsOn: nextMonday(4),
      startTime: '08:00',
      endsOn: nextMonday(4),
      endTime: '12:00',
      reason: 'Peinture',
    }),
    fields: {
      buildingId: strict(),
      meetingRoomId: strict(true),
      startsOn: strict(),
      startTime: strict(),
      endsOn: strict(),
      endTime: strict(),
      reason: text(3, 255),
    },
  },
  'meeting_rooms.update': {
    validator: meetingRoomValidator,
    actors: ['manager'],
    multipart: true,
    url: (fx) => `/meeting-rooms/${fx.room.id}`,
    page: (fx) => `/meeting-rooms/${fx.room.id}/edit`,
    body: () => ({
      capacity: '10',
      equipment: 'Écran, visio',
      description: 'Au rez-de-chaussée',
      slotMinutes: '15',
      minMinutes: '30',
      maxMinutes: '180',
      advanceDays: '30',
      cancellationCutoffMinutes: '60',
      tenantsMayBook: 'true',
      ...Object.fromEntries(
        [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
          [`opens${weekday}`, weekday <= 5 ? '08:00' : '09:00'],
          [`closes${weekday}`, weekday <= 5 ? '19:00' : '12:00'],
        ])
      ),
    }),
    fields: {
      capacity: int(1, 500),
      equipment: text(0, 500, true),
      description: text(0, 1000, true),
      slotMinutes: strict(),
      minMinutes: strict(),
      maxMinutes: strict(),
      advanceDays: int(1, 730),
      cancellationCutoffMinutes: int(0, 10080),
      tenantsMayBook: checkbox(),
      photo: strict(true),
      ...OPENING_HOURS,
    },
    elsewhere: Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => [
        `opens${weekday}`,
        {
          on: `closes${weekday}`,
          when: isBlank,
          why: "a closing time without its opening time: the pair's rule is told next to the closing time",
        },
      ])
    ),
  },
  'settings.update': {
    validator: updateSettingsValidator,
    actors: ['manager'],
    url: () => '/settings',
    page: () => '/settings/edit',
    body: () => ({
      maxStayMonths: '36',
      bookingQuotaHours: '10,5',
      managersTwoFactor: 'true',
      tenantsMayInvite: 'true',
      billing: 'arrears',
      roomHourPrice: '12,50',
      invoiceDaysToPay: '45',
    }),
    fields: {
      maxStayMonths: int(6, 120),
      bookingQuotaHours: decimal(-1, 744),
      managersTwoFactor: checkbox(),
      tenantsMayInvite: checkbox(),
      billing: strict(),
      roomHourPrice: euros(1000),
      invoiceDaysToPay: int(0, 60),
    },
  },
  'operator.update': {
    validator: operatorValidator,
    actors: ['manager'],
    url: () => '/operator',
    page: () => '/operator/edit',
    body: () => ({ ...operatorForm, addressComplement: 'Bâtiment B' }),
    fields: {
      name: text(2, 160),
      legalForm: text(2, 120),
      address: text(2, 120),
      addressComplement: text(0, 120, true),
      postcode: strict(),
      city: text(1, 80),
      siret: identifier(
        {
          'SIRET with spaces': '732 829 320 00074',
          'SIRET with a wrong key': '73282932000075',
          'SIRET with an Arabic-Indic digit': '7328293200\u066074',
        },
        ['732 829 320 00074'],
        false
      ),
      vatNumber: identifier(
        {
          'VAT number in lower case with spaces': 'fr 44 732 829 320',
          'VAT number with a wrong key': 'FR45732829320',
          'VAT number of another SIREN': 'FR27552120222',
          'VAT number with a Cyrillic R': 'F\u042044732829320',
        },
        ['fr 44 732 829 320']
      ),
      iban: IBAN(),
      bic: BIC(false),
      creditorId: identifier(
        {
          'ICS in lower case with spaces': 'fr72 zzz 123456',
          'ICS with wrong check digits': 'FR12ZZZ123456',
          'ICS of a country outside SEPA': 'US36ZZZ123456',
          'ICS with a Greek Zeta': 'FR72\u0396ZZ123456',
        },
        ['fr72 zzz 123456']
      ),
      latePenaltyRate: decimal(-1, 50),
      earlyPaymentText: text(2, 255),
      revenueAccount: accountNumber(),
      vatAccount: accountNumber(),
      customersAccount: accountNumber(),
    },
  },
  'companies.mandates.store': {
    validator: mandateValidator,
    actors: ['manager'],
    url: (fx) => `/companies/${fx.hosted.id}/mandates`,
    page: (fx) => `/companies/${fx.hosted.id}/mandates/create`,
    body: () => mandateForm,
    fields: {
      debtorName: text(2, 70),
      iban: IBAN(false),
      bic: BIC(false),
      signedOn: strict(),
    },
  },
  'mandates.revocation.store': {
    validator: revocationValidator,
    actors: ['manager'],
    url: (fx) => `/mandates/${fx.mandate.id}/revocation`,
    page: (fx) => `/mandates/${fx.mandate.id}/revocation/create`,
    body: () => ({ reason: 'Changement de banque' }),
    fields: { reason: text(3, 255) },
  },
  'services.store': {
    validator: serviceValidator,
    actors: ['manager'],
    url: () => '/services',
    page: () => '/services/create',
    body: () => ({ ...serviceForm, vat: 'exempt', vatExemptionReason: 'Article 261 D du CGI' }),
    fields: SERVICE_FIELDS,
  },
  'services.update': {
    validator: serviceValidator,
    actors: ['manager'],
    url: (fx) => `/services/${fx.service.id}`,
    page: (fx) => `/services/${fx.service.id}/edit`,
    body: () => ({ ...serviceForm, vat: 'outside', vatExemptionReason: 'Hors champ de la TVA' }),
    fields: SERVICE_FIELDS,
  },
  'cells.update': {
    validator: cellValidator,
    actors: ['manager'],
    url: (fx) => `/cells/${fx.cellEdit.id}`,
    page: (fx) => `/cells/${fx.cellEdit.id}/edit`,
    body: () => ({
      code: 'B-204',
      floor: '1',
      areaSqm: '18,5',
      desks: '3',
      outOfService: 'true',
      outOfServiceReason: 'Dégât des eaux',
    }),
    fields: {
      code: cellCode(),
      floor: int(-2, 10),
      areaSqm: decimal(0, 500),
      desks: int(0, 50),
      outOfService: checkbox(),
      outOfServiceReason: text(0, 255, true),
    },
  },
  'companies.billing_details.update': {
    validator: billingDetailsValidator,
    actors: managersAndTenants,
    url: (fx) => `/companies/${fx.hosted.id}/billing-details`,
    page: (fx) => `/companies/${fx.hosted.id}/billing-details/edit`,
    body: () => ({
      billingAddress: '12 rue des Forges',
      billingPostcode: '59300',
      billingCity: 'Valenciennes',
      billingCountryCode: 'FR',
      billingEmail: 'compta@hebergee.example',
    }),
    fields: {
      billingAddress: text(3, 400),
      billingPostcode: {
        optional: false,
        accepts: (value) => /^[A-Z0-9][A-Z0-9 -]{1,14}$/i.test(value.trim()),
      },
      billingCity: text(1, 120),
      billingCountryCode: strict(true),
      billingEmail: strict(true),
    },
  },
  'billing_runs.store': {
    validator: billingMonthValidator,
    actors: ['manager'],
    url: () => '/billing-runs',
    page: () => '/invoices?month=2026-03',
    body: () => ({ month: '2026-03' }),
    fields: { month: strict() },
  },
  'billing_runs.issuance.store': {
    validator: billingMonthValidator,
    actors: ['manager'],
    url: () => '/billing-runs/issuance',
    page: () => '/billing-runs/issuance/create?month=2026-03',
    body: () => ({ month: '2026-03' }),
    fields: { month: strict() },
  },
  'invoices.lines.store': {
    validator: createInvoiceLineValidator,
    actors: ['manager'],
    url: (fx) => `/invoices/${fx.draftInvoice.id}/lines`,
    page: (fx) => `/invoices/${fx.draftInvoice.id}/lines/create`,
    body: () => ({ kind: 'service', ...INVOICE_LINE_BODY }),
    fields: { kind: strict(), ...INVOICE_LINE_FIELDS },
  },
  'invoice_lines.update': {
    validator: updateInvoiceLineValidator,
    actors: ['manager'],
    url: (fx) => `/invoice-lines/${fx.draftInvoiceLine.id}`,
    page: (fx) => `/invoice-lines/${fx.draftInvoiceLine.id}/edit`,
    body: () => INVOICE_LINE_BODY,
    fields: INVOICE_LINE_FIELDS,
  },
  'invoices.credit_notes.store': {
    validator: createCreditNoteValidator,
    actors: ['manager'],
    url: (fx) => `/invoices/${fx.issuedInvoice.id}/credit-notes`,
    page: (fx) => `/invoices/${fx.issuedInvoice.id}/credit-notes/create`,
    body: (fx) => ({ lineIds: [String(fx.issuedInvoiceLine.id)], reason: 'Remise commerciale' }),
    fields: { lineIds: strict(false, true), reason: text(3, 255) },
  },
}

/**
 * Routes that change something but read no body: a button that says what to do by its
 * address alone (the record in the URL, checked by the route's matcher and a policy).
 */
const BODYLESS: Record<string, string> = {
  'session.destroy': 'logging out: the session alone',
  'invoices.issuance.store': 'issuing the draft in the URL',
  'invoice_lines.destroy': 'removing the line in the URL from its draft',
  'account.sessions.others.destroy': 'ending the other sessions: the session alone',
  'account.calendar.update': 'a new secret address, drawn by the server',
  'agreements.activation.store': 'signing the draft in the URL',
  'agreements.discard.store': 'discarding the draft in the URL',
  'declarations.validation.store': 'validating the declaration in the URL',
  'goals.current.store': 'making the goal in the URL current',
  'closures.lifting.store': 'lifting the closure in the URL',
  'closures.booking_cancellations.store':
    'cancelling the bookings caught by the closure in the URL',
  'companies.archive.store': 'archiving the company in the URL',
  'services.archive.store': 'archiving the service in the URL',
  'services.archive.destroy': 'offering the service in the URL again',
  'companies.archive.destroy': 'bringing the company in the URL back',
  'users.disablement.store': 'disabling the account in the URL',
  'users.disablement.destroy': 're-enabling the account in the URL',
  'invitations.destroy': 'withdrawing the invitation in the URL',
  'invitations.renewal.store': 'sending the invitation in the URL again',
  'email_changes.confirmation.store': 'confirming the new address the link in the URL names',
  'users.two_factor.destroy': 'resetting the second factor of the account in the URL',
  'bench.ceiling.store':
    "the benchmark's form ceiling (BENCH=true only): reads nothing, writes nothing",
}

/** Every route that may change something (POST, PUT, DELETE), as the router knows it. */
function writingRoutes() {
  return Object.values(router.toJSON())
    .flat()
    .filter((route) => route.methods.some((method) => ['POST', 'PUT', 'DELETE'].includes(method)))
    .map((route) => route.name ?? `${route.methods.join('|')} ${route.pattern}`)
}

/** The fields a validator reads. */
function validatorFields(validator: VineValidator<any, any>) {
  const { schema } = validator.toJSON() as unknown as {
    schema: { schema: { properties: { fieldName: string }[] } }
  }
  return schema.schema.properties.map((property) => property.fieldName)
}

/* ---------------------------------------------------------------------------------------
 * Sending and judging.
 * ------------------------------------------------------------------------------------- */

/** A message in English, with a placeholder left, or an untranslated key. */
const ENGLISH = /\b(The|field|must|required|invalid|Unauthorized|expired|selected)\b/
function notFrench(message: unknown) {
  if (typeof message !== 'string' || !message.trim()) return true
  return (
    ENGLISH.test(message) ||
    message.includes('{{') ||
    message.includes('validator.shared') ||
    /^[\w-]+(\.[\w*-]+)+$/.test(message.trim()) ||
    /\b[a-z_]+\.errors\.[a-z_]+/.test(message)
  )
}

/** The form body as a browser sends it: each value of a list as one more field of that name. */
function urlencoded(body: Body) {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(body)) {
    for (const item of [value].flat()) params.append(name, item)
  }
  return params.toString()
}

type Upload = { name: string; content: Buffer; filename: string }

/** The HTTP method of a named route. */
function methodOf(route: string) {
  const found = Object.values(router.toJSON())
    .flat()
    .find((candidate) => candidate.name === route)
  return found!.methods.find((verb) => verb !== 'HEAD')!
}

function send(
  client: ApiClient,
  route: string,
  fx: Fixtures,
  actor: Actor,
  body: Body,
  upload?: Upload
): Promise<ApiResponse> {
  const spec = FORMS[route]
  let request = client
    .request(spec.url(fx), methodOf(route) as any)
    .header('referer', spec.page(fx, actor))
    .withCsrfToken()
    .redirects(0)
  const user = fx.users[actor]
  if (user) request = request.loginAs(user)
  if (spec.session) request = request.withSession(spec.session(fx))
  if (spec.multipart) {
    for (const [name, value] of Object.entries(body)) request = request.field(name, value)
    if (upload) request = request.file(upload.name, upload.content, { filename: upload.filename })
  } else {
    request = request.form(urlencoded(body) as any)
  }
  return request
}

/** The revision of the data and the row count of every table, in one query. */
async function snapshotQuery() {
  const connection = db.connection()
  const listed =
    connection.dialect.name === 'mysql'
      ? await connection.rawQuery(
          'select table_name as name from information_schema.tables where table_schema = database()'
        )
      : await connection.rawQuery(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
        )
  const rows: { name: string }[] = connection.dialect.name === 'mysql' ? listed[0] : listed
  const names = rows.map((row) => row.name)
  const tables = names.filter((name) => !['sessions', 'rate_limits'].includes(name)).sort()
  const sql = `select (select revision from data_revisions where id = 1) as revision, ${tables
    .map((name) => `(select count(*) from ${name}) as ${name}`)
    .join(', ')}`
  return async () => {
    const result = await db.connection().rawQuery(sql)
    const row = connection.dialect.name === 'mysql' ? result[0][0] : result[0]
    return Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key, key === 'revision' ? value : Number(value)])
    ) as Record<string, string | number | null>
  }
}

/** What changed between two snapshots, in words. */
function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  return Object.keys(before)
    .filter((key) => before[key] !== after[key])
    .map((key) =>
      key === 'revision' ? 'the data revision' : `${key} ${before[key]}→${after[key]}`
    )
}

/** The kept value as the session holds it: empty strings are null, one item is a scalar. */
function same(sent: string | string[], kept: unknown) {
  const normalize = (value: unknown) =>
    JSON.stringify([value].flat().map((item) => (item === '' ? null : item)))
  return normalize(sent) === normalize(kept)
}

/** One request of the sweep. */
type Attack = {
  label: string
  body: Body
  /** The field attacked (null: the valid form, which must be accepted). */
  field: string | null
  hostile?: Hostile
  upload?: Upload
  /** Where its message goes, when not next to the field (listed with the reason). */
  elsewhere?: Elsewhere
  /** A body refused before it is read: no input to keep. */
  unread?: boolean
}

/** Whether accepting a hostile value is right for the field. */
function legitimate(field: Field, hostile: Hostile) {
  const { value } = hostile
  if (isBlank(value)) return field.optional
  return typeof value === 'string' && field.accepts(value)
}

/** A 1×1 PNG. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
)

/** Files sent as the room's photo, with the text fields valid. */
const UPLOADS: Record<string, Pick<Attack, 'upload' | 'elsewhere' | 'unread'>> = {
  'photo = a shell script': {
    upload: { name: 'photo', content: Buffer.from('#!/bin/sh\nrm -rf /\n'), filename: 'salle.sh' },
  },
  'photo = a script named as an image': {
    upload: {
      name: 'photo',
      content: Buffer.from('<?php system($_GET[1]);'),
      filename: 'salle.png',
    },
  },
  'photo = a 4 MB image (over its 3 MB)': {
    upload: {
      name: 'photo',
      content: Buffer.concat([PIXEL, Buffer.alloc(4 * 1024 * 1024)]),
      filename: 'salle.png',
    },
  },
  'photo = a 6 MB image (over the 5 MB a body may weigh)': {
    upload: {
      name: 'photo',
      content: Buffer.concat([PIXEL, Buffer.alloc(6 * 1024 * 1024)]),
      filename: 'salle.png',
    },
    elsewhere: {
      on: 'error',
      why: 'a body over the limit is refused before it is read: the form says so at the top',
    },
    unread: true,
  },
}

test.group('Hostile inputs: every form is listed', () => {
  test('every route that takes a body has a hostile-input spec, and every field of its validator is attacked', ({
    assert,
  }) => {
    const routes = writingRoutes()
    const unlisted = routes.filter((name) => !(name in FORMS) && !(name in BODYLESS))
    assert.deepEqual(
      unlisted,
      [],
      `POST/PUT/DELETE routes without a hostile-input spec (add them to FORMS in tests/functional/hostile_inputs.spec.ts, or to BODYLESS with the reason they read no body): ${unlisted.join(', ')}`
    )
    const stale = [...Object.keys(FORMS), ...Object.keys(BODYLESS)].filter(
      (name) => !routes.includes(name) && name !== 'bench.ceiling.store'
    )
    assert.deepEqual(stale, [], `hostile-input specs for routes that no longer exist: ${stale}`)
    for (const [name, spec] of Object.entries(FORMS)) {
      const read = validatorFields(spec.validator)
      const missing = read.filter((field) => !(field in spec.fields))
      assert.deepEqual(missing, [], `${name}: fields its validator reads and no spec attacks`)
      const unknown = Object.entries(spec.fields)
        .filter(([field, rules]) => !read.includes(field) && !rules.readBy)
        .map(([field]) => field)
      assert.deepEqual(unknown, [], `${name}: fields attacked that its validator does not read`)
    }
  })
})

test.group('Hostile inputs: every field of every form', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.setup(() => {
    // Emails stay in the outbox: no delivery runs in the background between two requests.
    const before = OutgoingEmail.delivery
    OutgoingEmail.delivery = 'worker'
    // Passwords are checked as they are (scrypt would take most of the time of the login and
    // password forms, and of the fixtures' accounts).
    hash.fake()
    return () => {
      OutgoingEmail.delivery = before
      hash.restore()
    }
  })

  test('a savepoint of the global transaction reverts what an accepted form wrote', async ({
    client,
    assert,
  }) => {
    const fx = await buildFixtures()
    const snapshot = await snapshotQuery()
    const before = await snapshot()
    await db.connection().rawQuery('SAVEPOINT hostile')
    const response = await send(client, 'companies.store', fx, 'manager', companyBody)
    response.assertStatus(302)
    const written = await snapshot()
    assert.notEqual(written.revision, before.revision)
    assert.equal(written.companies, Number(before.companies) + 1)
    await db.connection().rawQuery('ROLLBACK TO SAVEPOINT hostile')
    assert.deepEqual(await snapshot(), before)
  })

  test('{route} as {actor}')
    .with(() =>
      Object.entries(FORMS).flatMap(([route, spec]) =>
        spec.actors.map((actor) => ({ route, actor }))
      )
    )
    .run(async ({ client, assert }, { route, actor }) => {
      const spec = FORMS[route]
      const fx = await buildFixtures()
      const failures: string[] = []
      const page = spec.page(fx, actor)
      const valid = spec.body(fx, actor, (await spec.setUp?.(fx, actor)) ?? {})
      const user = fx.users[actor]
      const withSession = <Request extends { withSession(data: Record<string, any>): Request }>(
        request: Request
      ) => (spec.session ? request.withSession(spec.session(fx)) : request)
      // The fields a person sees on the form's page (a role's own inputs, hidden ones aside);
      // asked first, as a page may write what it shows (the settings' first values).
      const formPage = await withSession(user ? client.get(page).loginAs(user) : client.get(page))
      formPage.assertStatus(200)
      const snapshot = await snapshotQuery()
      const baseline = await snapshot()
      await db.connection().rawQuery('SAVEPOINT hostile')
      const shown = new Set(
        [...formPage.text().matchAll(/<(?:input|select|textarea)\b[^>]*>/g)]
          .filter(([tag]) => !/type="hidden"/.test(tag))
          .map(([tag]) => /name="([^"[]+)/.exec(tag)?.[1])
      )
      /**
       * The refusals to show on the form's page, by the shape of the input attacked (left
       * out or empty, a value, a list): each field's first refusal of each shape, gathered
       * into one page per shape (a page costs more than a refusal to make).
       */
      const comeBack: Record<
        string,
        { flash: Record<string, any>; on: Map<string, string>; fields: Set<string> }
      > = {}
      function toShow(flash: Record<string, any>, field: string, on: string, where: string) {
        const kept = flash[field]
        const shape =
          kept === undefined || kept === null ? 'none' : Array.isArray(kept) ? 'list' : 'value'
        comeBack[shape] ??= {
          flash: { ...flash, inputErrorsBag: {} },
          on: new Map(),
          fields: new Set(),
        }
        const gathered = comeBack[shape]
        if (gathered.fields.has(field)) return
        gathered.fields.add(field)
        gathered.on.set(on, where)
        gathered.flash[field] = kept
        if (on === 'error') {
          gathered.flash.error = flash.error
        } else {
          for (const [key, messages] of Object.entries(flash.inputErrorsBag ?? {})) {
            if (key === on || key.startsWith(`${on}.`))
              gathered.flash.inputErrorsBag[key] = messages
          }
        }
      }

      /** The form's page as the refusals bring it back: it shows each message by its field. */
      async function shownBack() {
        const fold = (words: string) => words.replace(/[\s\u00a0\u202f]+/g, ' ')
        for (const [shape, { flash, on }] of Object.entries(comeBack)) {
          let request = withSession(client.get(page)).withFlashMessages(flash)
          if (user) request = request.loginAs(user)
          const back = await request
          if (back.status() !== 200) {
            failures.push(
              `${route} as ${actor}: the form's page comes back as a ${back.status()} with the input kept by ${[...on.values()].join('; ')} (${shape})`
            )
            continue
          }
          const html = back.text()
          const read = visibleText(html)
          for (const [key, where] of on) {
            const message =
              key === 'error'
                ? flash.error
                : Object.entries(flash.inputErrorsBag as Record<string, string[]>).find(
                    ([name]) => name === key || name.startsWith(`${key}.`)
                  )?.[1][0]
            if (!read.includes(fold(String(message)))) {
              failures.push(`${where}: the form's page does not show ${JSON.stringify(message)}`)
            } else if (
              key !== 'error' &&
              !new RegExp(`id="field-${key}(-\\d+)?-error"`).test(html)
            ) {
              failures.push(`${where}: the form's page shows no message next to ${key}`)
            }
          }
        }
      }

      /** Sends one body, judges the answer, then rolls back whatever it wrote. */
      async function attempt(attack: Attack) {
        if (THROTTLED.includes(route)) await limiter.clear()
        const response = await send(client, route, fx, actor, attack.body, attack.upload)
        try {
          await judge(attack, response)
        } finally {
          await db.connection().rawQuery('ROLLBACK TO SAVEPOINT hostile')
        }
      }

      async function judge(attack: Attack, response: ApiResponse) {
        const { field, hostile } = attack
        const where = `${route} as ${actor}, ${attack.label}`
        const status = response.status()
        if (status >= 500 || response.text().includes('Une erreur est survenue')) {
          failures.push(`${where}: ${status}, the server error page`)
          return
        }
        const changed = changes(baseline, await snapshot())
        const flash = (response.flashMessages() ?? {}) as Record<string, any>
        const bag = (flash.inputErrorsBag ?? {}) as Record<string, unknown[]>
        const refused = Object.keys(bag).length > 0 || flash.error !== undefined

        if (!refused) {
          if (status < 300 || status >= 400) {
            failures.push(`${where}: neither refused nor accepted (${status})`)
            return
          }
          if (!field) return
          if (!hostile || !legitimate(spec.fields[field], hostile)) {
            failures.push(
              `${where}: accepted (${changed.length ? changed.join(', ') : 'nothing written'}) although it is no legitimate ${field}`
            )
            return
          }
          // Accepted as typed: the page it leads to shows it escaped.
          const value = hostile.value
          const location = response.header('location')
          if (typeof value === 'string' && /[<>"]/.test(value) && location) {
            let next = client.get(location).redirects(0)
            if (user) next = next.loginAs(user)
            const target = await next
            if (target.text().includes(value)) {
              failures.push(`${where}: shown unescaped on ${location}`)
            }
          }
          return
        }

        // Refused: back to the form, nothing written, a French message where it belongs.
        if (!field) {
          failures.push(
            `${where}: the valid form was refused: ${JSON.stringify(flash.inputErrorsBag ?? flash.error)}`
          )
          return
        }
        if (changed.length) failures.push(`${where}: refused but written: ${changed.join(', ')}`)
        if (response.header('location') !== page) {
          failures.push(
            `${where}: refused, sent to ${response.header('location')} instead of ${page}`
          )
        }
        const messages = [
          ...Object.values(bag).flat(),
          ...Object.values(flash.errorsBag ?? {}),
          ...(flash.error ? [flash.error] : []),
        ]
        for (const message of messages) {
          if (notFrench(message)) failures.push(`${where}: not French: ${JSON.stringify(message)}`)
        }
        const elsewhere = attack.elsewhere ?? spec.elsewhere?.[field]
        const expectedOn =
          elsewhere && (!elsewhere.when || (hostile && elsewhere.when(hostile.value)))
            ? elsewhere.on
            : field
        // A list's message may name its item ("cellIds.0"): the form shows it with the list.
        const next = Object.keys(bag).filter(
          (key) =>
            key === expectedOn ||
            (spec.fields[expectedOn]?.list && key.startsWith(`${expectedOn}.`))
        )
        if (expectedOn === 'error') {
          if (!flash.error) failures.push(`${where}: no message at the top of the form`)
        } else if (!next.length) {
          failures.push(
            `${where}: no message next to ${expectedOn} (${JSON.stringify(flash.inputErrorsBag ?? flash.error)})`
          )
        }
        if (expectedOn === 'error' || shown.has(expectedOn)) {
          toShow(flash, field, expectedOn, `${where}`)
        }
        // The other input kept (never a password), unless the body could not be read at all.
        if (attack.unread) return
        for (const [name, value] of Object.entries(attack.body)) {
          if (name === field || spec.fields[name]?.secret) continue
          if (!same(value, flash[name])) {
            failures.push(
              `${where}: ${name} not kept (${JSON.stringify(flash[name])?.slice(0, 60)})`
            )
          }
        }
      }

      await attempt({ label: 'the valid form', body: valid, field: null })
      for (const [field, rules] of Object.entries(spec.fields)) {
        for (const hostile of [...HOSTILE, ...(rules.hostile ?? [])]) {
          const body = { ...valid }
          if (hostile.value === MISSING) {
            delete body[field]
          } else if (hostile.value === TWICE) {
            // A second field of the same name: a list where one value is expected, or a list
            // with each of its items twice.
            const current = valid[field] ?? 'x'
            body[field] = [current, current].flat()
          } else {
            body[field] = rules.list ? [hostile.value] : hostile.value
          }
          await attempt({ label: `${field} = ${hostile.label}`, body, field, hostile })
        }
      }
      if (spec.multipart) {
        for (const [label, upload] of Object.entries(UPLOADS)) {
          await attempt({ label, body: valid, field: 'photo', ...upload })
        }
      }
      await shownBack()
      assert.deepEqual(changes(baseline, await snapshot()), [], 'the data is back as it was')
      assert.deepEqual(failures, [], failures.join('\n'))
    })
})
