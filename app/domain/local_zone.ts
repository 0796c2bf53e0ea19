import { IANAZone } from 'luxon'

/** The incubator's time zone, by its IANA name. */
export const LOCAL_ZONE_NAME = 'Europe/Paris'

/** Offsets are looked up by quarter hour: a zone never changes its offset inside one. */
const QUARTER_HOUR_MS = 15 * 60 * 1000

/**
 * An IANA zone that remembers its offset for each quarter hour it has been asked about.
 * Luxon works out an IANA offset through Intl.DateTimeFormat#formatToParts at every
 * conversion, which was the largest single cost of a booking request (the benchmark's
 * profile). Every zone in the tz database changes its offset at whole quarter hours
 * (Europe/Paris at 01:00 UTC), so an offset holds for the whole quarter hour. Luxon has
 * no option to remember offsets; a Zone subclass is its documented way to give its own,
 * and tests/unit/domain/local_zone.spec.ts fails if Luxon stops asking the zone's offset().
 */
export class QuarterHourZone extends IANAZone {
  #offsets = new Map<number, number>()

  /** The zone's offset in minutes at an instant, from the quarter hour's remembered one. */
  override offset(ts: number) {
    const quarter = Math.floor(ts / QUARTER_HOUR_MS)
    let minutes = this.#offsets.get(quarter)
    if (minutes === undefined) {
      if (this.#offsets.size >= 200_000) this.#offsets.clear()
      minutes = super.offset(ts)
      this.#offsets.set(quarter, minutes)
    }
    return minutes
  }
}

/** Where the incubator is: instants are stored in UTC, typed and shown in this zone. */
export const LOCAL_ZONE = new QuarterHourZone(LOCAL_ZONE_NAME)
