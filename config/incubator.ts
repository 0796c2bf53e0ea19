/**
 * The incubator's own rules: how long a company may stay, default notice and rent.
 * (A settings page will let managers change them; until then they live here.)
 */
const incubatorConfig = {
  /** The cap on a company's total stay, counted from the start of its first agreement. */
  maxStayMonths: 48,
  /** Notice a company gives before leaving early. */
  defaultNoticeMonths: 3,
  /** Price per m² per month, in cents, for years 1, 2 and 3 onwards. */
  defaultRentSteps: [1000, 1150, 1300],
}

export default incubatorConfig
