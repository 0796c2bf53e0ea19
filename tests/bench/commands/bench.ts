import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * `npm run bench`: builds the app, writes the large dataset into its own database
 * (MySQL by default, SQLite with --sqlite), starts the built server in production
 * mode and drives the key pages with autocannon. Prints one table and writes it as
 * JSON in tmp/bench/. The work is in tests/bench/run.ts; registered by
 * tests/bench/commands/main.ts.
 */
export default class Bench extends BaseCommand {
  static commandName = 'bench'
  static description = 'Measure the key pages on a large dataset (see docs/benchmark.md)'
  static options: CommandOptions = { startApp: false, staysAlive: false }

  @flags.boolean({ description: 'Use SQLite (tmp/bench.sqlite3) instead of MySQL' })
  declare sqlite: boolean

  @flags.number({ description: 'Seconds per page and concurrency', default: 10 })
  declare duration: number

  @flags.string({ description: 'Concurrencies, comma-separated', default: '1,10,50' })
  declare connections: string

  @flags.boolean({ description: 'Keep the datasets of an earlier run (same day)' })
  declare reuse: boolean

  @flags.boolean({ description: 'Use the existing build/ instead of building again' })
  declare skipBuild: boolean

  @flags.boolean({ description: 'Also measure each page once on 10× the data', default: true })
  declare growth: boolean

  @flags.string({ description: 'Only the pages whose name contains this text' })
  declare only?: string

  async run() {
    const { runBenchmark } = await import('#tests/bench/run')
    this.exitCode = await runBenchmark(this.app.makePath(), {
      sqlite: this.sqlite,
      seconds: this.duration,
      connections: this.connections.split(',').map(Number).filter(Boolean),
      reuse: this.reuse,
      build: !this.skipBuild,
      growth: this.growth,
      only: this.only,
      log: (message) => this.logger.info(message),
    })
  }
}
