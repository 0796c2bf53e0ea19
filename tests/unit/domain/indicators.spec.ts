import { test } from '@japa/runner'
import type { CountedDeclaration } from '#domain/jobs'
import {
  averageStay,
  hostedOn,
  jobsBreakdown,
  measureOn,
  movementsOver12Months,
  survivalRates,
  tradingAfter,
  type ReportedCompany,
} from '#domain/indicators'
import { day } from '#domain/periods'

let nextId = 0

function company(
  enteredOn: string,
  exitOn: string | null,
  declarations: CountedDeclaration[] = [],
  extra: Partial<ReportedCompany> = {}
): ReportedCompany {
  nextId += 1
  return {
    id: nextId,
    name: `Société ${nextId}`,
    sector: 'software',
    digital: true,
    exitReason: exitOn ? 'graduated' : null,
    enteredOn: day(enteredOn),
    exitOn: exitOn ? day(exitOn) : null,
    declarations,
    ...extra,
  }
}

function followUp(periodOn: string, stillTrading: boolean | null): CountedDeclaration {
  return { periodOn: day(periodOn), kind: 'follow_up', validated: true, jobs: 0, stillTrading }
}

function declared(
  periodOn: string,
  headcount: { executives: number; permanent: number; fixedTerm: number; apprentices: number },
  kind: CountedDeclaration['kind'] = 'quarter'
): CountedDeclaration {
  const jobs =
    headcount.executives + headcount.permanent + headcount.fixedTerm + headcount.apprentices
  return { periodOn: day(periodOn), kind, validated: true, jobs, headcount }
}

test.group('Indicators', () => {
  test('companies hosted and the digital share, exit day included', ({ assert }) => {
    const companies = [
      company('2017-01-01', null),
      company('2017-01-01', '2017-06-30', [], { digital: false }),
      company('2017-08-01', null),
    ]
    assert.deepEqual(hostedOn(companies, day('2017-06-30')), {
      hosted: 2,
      digital: 1,
      digitalShare: 0.5,
    })
    assert.deepEqual(hostedOn(companies, day('2017-07-01')), {
      hosted: 1,
      digital: 1,
      digitalShare: 1,
    })
    assert.isNull(hostedOn(companies, day('2016-01-01')).digitalShare)
  })

  test('entries and exits over the 12 months up to the day, both ends counted once', ({
    assert,
  }) => {
    const companies = [
      company('2016-07-05', null), // exactly a year before: outside the window
      company('2016-07-06', '2017-07-05'), // first and last day of the window
      company('2017-07-06', null), // after the day
    ]
    const movements = movementsOver12Months(companies, day('2017-07-05'))
    assert.equal(movements.entries, 1)
    assert.equal(movements.exits, 1)
    assert.equal(movements.from.toISODate(), '2016-07-06')
  })

  test('average stay: completed stays and stays under way, in months', ({ assert }) => {
    const companies = [
      company('2017-01-01', '2017-12-31'),
      company('2017-01-01', '2018-06-30'),
      company('2018-01-01', null),
    ]
    const stay = averageStay(companies, day('2018-12-31'))
    assert.equal(stay.completed, 15)
    assert.equal(stay.completedCount, 2)
    assert.equal(stay.ongoing, 12)
    assert.equal(stay.ongoingCount, 1)
    assert.isNull(averageStay([], day('2018-12-31')).completed)
  })

  test('trading after N years: the follow-up, a cessation, or unknown', ({ assert }) => {
    const trading = company('2016-01-01', '2018-03-31', [
      followUp('2019-03-31', true),
      followUp('2020-03-31', false),
    ])
    assert.isTrue(tradingAfter(trading, 1))
    assert.isFalse(tradingAfter(trading, 2))
    // Once gone, gone: the third year is known without a declaration.
    assert.isFalse(tradingAfter(trading, 3))

    const ceased = company('2016-01-01', '2018-03-31', [], { exitReason: 'ceased_trading' })
    assert.isFalse(tradingAfter(ceased, 1))

    const silent = company('2016-01-01', '2018-03-31', [followUp('2019-03-31', null)])
    assert.isNull(tradingAfter(silent, 1))
    assert.isNull(tradingAfter(company('2016-01-01', null), 1))
  })

  test('survival rates over the alumni whose exit is old enough and whose fate is known', ({
    assert,
  }) => {
    const companies = [
      company('2016-01-01', '2017-06-30', [followUp('2018-06-30', true)]),
      company('2016-01-01', '2017-06-30', [followUp('2018-06-30', false)]),
      company('2016-01-01', '2017-06-30', [], { exitReason: 'ceased_trading' }),
      company('2016-01-01', '2017-06-30'), // fate unknown: not counted
      company('2016-01-01', '2018-01-31', [followUp('2019-01-31', true)]), // exit too recent on 2018-07-01
      company('2017-01-01', null), // still hosted
    ]
    const [one, two, three] = survivalRates(companies, day('2018-07-01'))
    assert.deepEqual(one, { years: 1, eligible: 4, known: 3, trading: 1, rate: 1 / 3 })
    assert.deepEqual(two, { years: 2, eligible: 0, known: 0, trading: 0, rate: null })
    assert.equal(three.years, 3)

    // On the anniversary day the follow-up counts.
    const later = survivalRates(companies, day('2019-01-31'))[0]
    assert.deepEqual(later, { years: 1, eligible: 5, known: 4, trading: 2, rate: 0.5 })
  })

  test('jobs by contract category and by sector, from each company counted', ({ assert }) => {
    const companies = [
      company(
        '2017-01-01',
        null,
        [
          declared(
            '2017-01-01',
            { executives: 1, permanent: 0, fixedTerm: 0, apprentices: 0 },
            'entry'
          ),
          declared('2017-03-31', { executives: 2, permanent: 3, fixedTerm: 1, apprentices: 0 }),
        ],
        { sector: 'software' }
      ),
      company(
        '2017-02-01',
        null,
        [
          declared(
            '2017-02-01',
            { executives: 1, permanent: 1, fixedTerm: 0, apprentices: 1 },
            'entry'
          ),
        ],
        { sector: 'creative' }
      ),
      // Left before the day: not counted.
      company('2016-01-01', '2017-01-31', [
        declared(
          '2016-01-01',
          { executives: 5, permanent: 5, fixedTerm: 5, apprentices: 5 },
          'entry'
        ),
      ]),
    ]
    const breakdown = jobsBreakdown(companies, day('2017-04-01'))
    assert.deepEqual(breakdown.byCategory, {
      executives: 3,
      permanent: 4,
      fixedTerm: 1,
      apprentices: 1,
    })
    assert.deepEqual(breakdown.bySector, [
      { sector: 'software', jobs: 6 },
      { sector: 'creative', jobs: 3 },
    ])
  })

  test("a goal's measure: jobs hosted, or net jobs created since its start", ({ assert }) => {
    const companies = [
      company('2016-01-01', null, [
        declared(
          '2016-01-01',
          { executives: 2, permanent: 0, fixedTerm: 0, apprentices: 0 },
          'entry'
        ),
        declared('2017-03-31', { executives: 2, permanent: 3, fixedTerm: 0, apprentices: 0 }),
      ]),
      // Enters after the goal's start: counted in net jobs from its baseline.
      company('2017-02-01', null, [
        declared(
          '2017-02-01',
          { executives: 1, permanent: 0, fixedTerm: 0, apprentices: 0 },
          'entry'
        ),
        declared('2017-03-31', { executives: 1, permanent: 1, fixedTerm: 0, apprentices: 0 }),
      ]),
    ]
    const start = day('2016-11-01')
    assert.equal(measureOn(companies, 'jobs_hosted', start, day('2017-03-31')), 7)
    assert.equal(measureOn(companies, 'net_jobs_created', start, day('2017-03-31')), 4)
    assert.equal(measureOn(companies, 'jobs_hosted', start, day('2017-03-30')), 3)
  })
})
