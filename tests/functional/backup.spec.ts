import { test } from '@japa/runner'
import { execFile, spawn } from 'node:child_process'
import { promisify } from 'node:util'
import { readFile, rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { truncateAfterEach } from '#tests/support/database'
import { createCompany } from '#tests/support/fixtures'
import { createCell, openAgreement } from '#tests/support/agreements'
import { day } from '#domain/periods'

const run = promisify(execFile)
const onMysql = env.get('DB_CONNECTION') === 'mysql'

/** The client options of the test server, for the command-line tools. */
function serverOptions() {
  return [
    `--host=${env.get('DB_HOST', '127.0.0.1')}`,
    `--port=${env.get('DB_PORT', 3306)}`,
    `--user=${env.get('DB_USER', 'root')}`,
    ...(env.get('DB_PASSWORD') ? [`--password=${env.get('DB_PASSWORD')}`] : []),
  ]
}

/** Feeds a file to the mysql client, as `mysql database < file` does. */
async function restore(database: string, file: string) {
  const dump = await readFile(file)
  await new Promise<void>((resolve, reject) => {
    const child = spawn('mysql', [...serverOptions(), database])
    const errors: string[] = []
    child.stderr.on('data', (chunk) => errors.push(String(chunk)))
    child.on('close', (status) => (status === 0 ? resolve() : reject(new Error(errors.join('')))))
    child.stdin.end(dump)
  })
}

test.group('Backups (docs/production.md, "Several instances")', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.timeout(60000)

  test('a mysqldump --single-transaction restores into an empty database, every row kept', async ({
    assert,
  }) => {
    const company = await createCompany('Sauvegardée SAS')
    const cell = await createCell({ code: 'S-1' })
    await openAgreement({
      companyId: company.id,
      cellIds: [cell.id],
      startsOn: day('2026-01-01'),
      endsOn: day('2026-12-31'),
    })
    const source = env.get('DB_DATABASE', 'pepiniere')
    const copy = `${source}_restore`
    const file = app.tmpPath(`${copy}.sql`)

    await run('mysqldump', [
      ...serverOptions(),
      '--single-transaction',
      '--routines',
      `--result-file=${file}`,
      source,
    ])
    await db.rawQuery(`DROP DATABASE IF EXISTS \`${copy}\``)
    await db.rawQuery(
      `CREATE DATABASE \`${copy}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
    )
    try {
      await restore(copy, file)
      for (const table of [
        'companies',
        'cells',
        'agreements',
        'agreement_cells',
        'adonis_schema',
      ]) {
        const [[original], [restored]] = await Promise.all([
          db.rawQuery(`select count(*) as total from \`${source}\`.${table}`).then((r) => r[0]),
          db.rawQuery(`select count(*) as total from \`${copy}\`.${table}`).then((r) => r[0]),
        ])
        assert.equal(Number(restored.total), Number(original.total), table)
      }
      const [[row]] = await db.rawQuery(`select name from \`${copy}\`.companies where id = ?`, [
        company.id,
      ])
      assert.equal(row.name, company.name)
    } finally {
      await db.rawQuery(`DROP DATABASE IF EXISTS \`${copy}\``)
      await rm(file, { force: true })
    }
  }).skip(!onMysql, 'MySQL only: mysqldump and the mysql client')
})
