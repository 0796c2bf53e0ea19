import { test } from '@japa/runner'
import {
  baselineOf,
  jobsHosted,
  jobsIn,
  jobsOn,
  netJobsCreated,
  jobsSeries,
  type CompanyRecord,
  type CountedDeclaration,
} from '#domain/jobs'
import { day } from '#domain/periods'

function declaration(
  periodOn: string,
  jobs: number,
  kind: CountedDeclaration['kind'] = 'quarter',
  validated = true
): CountedDeclaration {
  return { periodOn: day(periodOn), jobs, kind, validated }
}

function company(
  id: number,
  enteredOn: string | null,
  exitOn: string | null,
  declarations: CountedDeclaration[]
): CompanyRecord {
  return {
    id,
    enteredOn: enteredOn ? day(enteredOn) : null,
    exitOn: exitOn ? day(exitOn) : null,
    declarations,
  }
}

test.group('Counting jobs', () => {
  test('jobs = executives + CDI + CDD + apprentices; interns never count', ({ assert }) => {
    assert.equal(
      jobsIn({ executives: 2, permanent: 3, fixedTerm: 1, apprentices: 1, interns: 4 }),
      7
    )
  })

  test('the latest validated declaration on or before the day', ({ assert }) => {
    const record = company(1, '2017-01-01', null, [
      declaration('2017-01-01', 2, 'entry'),
      declaration('2017-03-31', 3),
      declaration('2017-06-30', 5),
      declaration('2017-09-30', 9, 'quarter', false),
    ])
    assert.deepInclude(jobsOn(record, day('2017-06-29')), { jobs: 3, source: 'declaration' })
    // The as-of boundary day counts the declaration dated that day.
    assert.deepInclude(jobsOn(record, day('2017-06-30')), { jobs: 5, source: 'declaration' })
    // A declaration not yet validated does not count.
    assert.deepInclude(jobsOn(record, day('2017-12-31')), { jobs: 5, source: 'declaration' })
  })

  test('no declaration yet: the baseline; no baseline: 0, flagged missing', ({ assert }) => {
    const withBaseline = company(1, '2017-01-01', null, [declaration('2017-01-01', 2, 'entry')])
    assert.deepInclude(jobsOn(withBaseline, day('2016-12-31')), { jobs: 2, source: 'baseline' })
    const none = company(2, '2017-01-01', null, [])
    assert.deepInclude(jobsOn(none, day('2017-05-01')), { jobs: 0, source: 'missing' })
    assert.isNull(baselineOf(none))
  })

  test('jobs hosted counts the companies hosted on the day, exit day included', ({ assert }) => {
    const companies = [
      company(1, '2017-01-01', null, [
        declaration('2017-01-01', 2, 'entry'),
        declaration('2017-06-30', 4),
      ]),
      company(2, '2017-02-01', '2017-06-30', [declaration('2017-02-01', 3, 'entry')]),
      company(3, '2017-08-01', null, [declaration('2017-08-01', 6, 'entry')]),
      company(4, '2017-03-01', null, []),
    ]
    const onJuneEnd = jobsHosted(companies, day('2017-06-30'))
    assert.equal(onJuneEnd.jobs, 4 + 3 + 0)
    assert.deepEqual(onJuneEnd.missing, [4])
    assert.equal(jobsHosted(companies, day('2017-07-01')).jobs, 4 + 0)
  })

  test('net jobs created: growth since entry, alumni with their latest declaration', ({
    assert,
  }) => {
    const goalStart = day('2016-11-01')
    const companies = [
      // Grew from 2 to 6.
      company(1, '2017-01-01', null, [
        declaration('2017-01-01', 2, 'entry'),
        declaration('2018-12-31', 6),
      ]),
      // Left in 2018 with 5 jobs, entered with 1; its follow-up after exit says 8.
      company(2, '2017-02-01', '2018-06-30', [
        declaration('2017-02-01', 1, 'entry'),
        declaration('2018-06-30', 5, 'exit'),
        declaration('2019-06-30', 8, 'follow_up'),
      ]),
      // Entered after the goal's start, no declaration at all: counts 0, flagged.
      company(3, '2018-09-01', null, []),
      // Left before the goal started: not counted.
      company(4, '2015-01-01', '2016-10-31', [declaration('2015-01-01', 3, 'entry')]),
    ]
    const byEnd2018 = netJobsCreated(companies, goalStart, day('2018-12-31'))
    assert.equal(byEnd2018.jobs, 4 + 4 + 0)
    assert.deepEqual(byEnd2018.missing, [3])
    const byEnd2019 = netJobsCreated(companies, goalStart, day('2019-12-31'))
    assert.equal(byEnd2019.jobs, 4 + 7 + 0)
  })

  test('the monthly series gives, month by month, what the day-by-day counts give', ({
    assert,
  }) => {
    // 60 companies drawn with a fixed seed: entries, exits, declarations out of order,
    // unvalidated ones, two on the same day, missing baselines.
    let state = 42
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648
      return state / 2147483648
    }
    const iso = (months: number) => day('2015-01-31').plus({ months }).endOf('month').toISODate()!
    const companies = Array.from({ length: 60 }, (_, id) => {
      const entry = Math.floor(random() * 80)
      const exit = random() < 0.5 ? entry + 3 + Math.floor(random() * 40) : null
      const declared = Array.from({ length: Math.floor(random() * 12) }, (_unused, index) =>
        declaration(
          iso(entry + Math.floor(random() * 50)),
          1 + Math.floor(random() * 9),
          index === 0 && random() < 0.8 ? 'entry' : 'quarter',
          random() < 0.85
        )
      ).sort(() => random() - 0.5)
      if (declared.length > 1 && random() < 0.3) {
        declared.push(declaration(declared[0].periodOn.toISODate()!, 20))
      }
      return company(id, iso(entry), exit === null ? null : iso(exit), declared)
    })
    const goalStart = day('2017-01-01')
    const days = Array.from({ length: 96 }, (_, month) => day(iso(month)))

    const series = jobsSeries(companies, goalStart, days)
    assert.deepEqual(
      series.hosted,
      days.map((on) => jobsHosted(companies, on).jobs)
    )
    assert.deepEqual(
      series.created,
      days.map((on) => netJobsCreated(companies, goalStart, on).jobs)
    )
    assert.isAbove(Math.max(...series.hosted), 0)
  })
})
