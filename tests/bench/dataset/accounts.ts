/**
 * The benchmark's logins and secrets, shared by the dataset and the load runner
 * (which runs outside the app and must not load its models).
 */

/** The password of every benchmark account. */
export const BENCH_PASSWORD = 'pepiniere-bench'

/** The benchmark's accounts, one per role (the tenant's company is hosted today). */
export const BENCH_ACCOUNTS = {
  manager: 'gestion@bench.test',
  official: 'elu@bench.test',
  tenant: 'locataire@bench.test',
} as const

/**
 * The tenants who make the benchmark's bookings, each of a different hosted company (whose
 * quota is lifted): bookings of one company wait for each other (its quota is checked under
 * a lock), those of different companies do not. The first is the tenant above.
 */
export const BENCH_BOOKERS = [
  BENCH_ACCOUNTS.tenant,
  ...Array.from({ length: 9 }, (_, index) => `reservation${index + 1}@bench.test`),
]

/**
 * The calendar feed token of a second hosted company's account (64 hexadecimal digits, as
 * the app makes them): its feed is measured, while the tenant above makes the bookings.
 */
export const BENCH_CALENDAR_TOKEN = 'be9c4'.padEnd(64, '0')

/** The title of every booking the benchmark makes (so that a second run can remove them). */
export const BENCH_BOOKING_TITLE = 'Banc d’essai'
