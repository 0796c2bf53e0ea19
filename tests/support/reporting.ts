import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type Cell from '#models/cell'
import { createCell } from '#tests/support/agreements'

/**
 * A history of many companies written straight into the tables (fast enough for
 * hundreds): each enters on a day of 2017, declares at entry and two quarters, holds
 * one cell under one agreement; every third company has left by the end of 2018.
 */
export async function seedCompanies(count: number, prefix = 'Lot') {
  const cells: Cell[] = []
  for (let index = 0; index < 3; index++) cells.push(await createCell())
  const now = DateTime.utc().toSQL({ includeOffset: false })
  const companies = Array.from({ length: count }, (_, index) => ({
    name: `${prefix} ${String(index).padStart(4, '0')}`,
    sector: index % 2 ? 'software' : 'creative',
    digital: index % 2 === 1,
    status: index % 3 === 0 ? 'alumni' : 'hosted',
    entered_on: `2017-0${(index % 6) + 1}-01`,
    exit_on: index % 3 === 0 ? '2018-12-31' : null,
    exit_reason: index % 3 === 0 ? 'graduated' : null,
    created_at: now,
  }))
  for (let start = 0; start < companies.length; start += 200) {
    await db.table('companies').multiInsert(companies.slice(start, start + 200))
  }
  const rows = await db
    .from('companies')
    .whereRaw("name like ? escape '!'", [`${prefix} %`])
    .select('id', 'entered_on')
    .orderBy('id')

  const declarations = rows.flatMap((row) =>
    [
      ['entry', row.entered_on, 1, 0],
      ['quarter', '2017-09-30', 2, 1],
      ['quarter', '2017-12-31', 2, 2],
    ].map(([kind, periodOn, executives, permanent]) => ({
      company_id: row.id,
      kind,
      period_on: periodOn instanceof Date ? periodOn.toISOString().slice(0, 10) : periodOn,
      executives,
      permanent,
      fixed_term: 0,
      apprentices: 0,
      interns: 0,
      status: 'validated',
      comment: 'commentaire confidentiel',
      created_at: now,
    }))
  )
  for (let start = 0; start < declarations.length; start += 300) {
    await db.table('declarations').multiInsert(declarations.slice(start, start + 300))
  }

  const agreements = rows.map((row) => ({
    company_id: row.id,
    status: 'active',
    starts_on:
      row.entered_on instanceof Date ? row.entered_on.toISOString().slice(0, 10) : row.entered_on,
    ends_on: '2020-12-31',
    notice_months: 3,
    rent_steps: JSON.stringify([1000]),
    monthly_charges_cents: 0,
    deposit_cents: 0,
    created_at: now,
  }))
  for (let start = 0; start < agreements.length; start += 200) {
    await db.table('agreements').multiInsert(agreements.slice(start, start + 200))
  }
  const agreementIds = await db
    .from('agreements')
    .whereIn(
      'company_id',
      rows.map((row) => row.id)
    )
    .select('id')
    .orderBy('id')
  const links = agreementIds.map((row, index) => ({
    agreement_id: row.id,
    cell_id: cells[index % cells.length].id,
  }))
  for (let start = 0; start < links.length; start += 300) {
    await db.table('agreement_cells').multiInsert(links.slice(start, start + 300))
  }
  return rows.map((row) => row.id as number)
}
