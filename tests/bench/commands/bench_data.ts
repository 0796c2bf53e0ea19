import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Fills an empty, migrated database with the benchmark's large dataset (run by
 * `node ace bench` against its own database; never against the app's data).
 */
export default class BenchData extends BaseCommand {
  static commandName = 'bench:data'
  static description =
    'Write the benchmark dataset (1,000 companies × scale) into an empty database'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Size: 1 = 1,000 companies, 15 buildings, 3 rooms', default: 1 })
  declare scale: number

  async run() {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { default: hash } = await import('@adonisjs/core/services/hash')
    const { largeDataset, insertLargeDataset } = await import('#tests/bench/dataset/large_dataset')
    const { BENCH_PASSWORD } = await import('#tests/bench/dataset/accounts')
    const { today } = await import('#domain/periods')

    const [{ total }] = await db.from('companies').count('* as total')
    if (Number(total) > 0) {
      this.logger.error('the database already holds companies: bench:data only fills an empty one')
      this.exitCode = 1
      return
    }
    const started = Date.now()
    const data = largeDataset(this.scale, today())
    await insertLargeDataset(data, db.connection(), await hash.make(BENCH_PASSWORD))
    const counts = Object.entries(data)
      .map(([table, rows]) => `${table} ${rows.length}`)
      .join(', ')
    this.logger.success(
      `scale ${this.scale} in ${Math.round((Date.now() - started) / 1000)} s: ${counts}`
    )
  }
}
