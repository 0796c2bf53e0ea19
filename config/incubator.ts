/**
 * The incubator's own rules, as defaults: how long a company may stay, notice and rent.
 * Managers change the maximum stay on the settings page (the "settings" table).
 */
const incubatorConfig = {
  /** The cap on a company's total stay, counted from the start of its first agreement. */
  maxStayMonths: 48,
  /** Notice a company gives before leaving early. */
  defaultNoticeMonths: 3,
  /** Price per m² per month, in cents, for years 1, 2 and 3 onwards. */
  defaultRentSteps: [1000, 1150, 1300],
  /** Meeting room hours per company per calendar month, pooled across its users. */
  bookingQuotaMinutes: 8 * 60,
}

export default incubatorConfig
