import { ListLoader } from '@adonisjs/core/ace'
import type { CommandMetaData } from '@adonisjs/core/types/ace'
import Bench from '#tests/bench/commands/bench'
import BenchData from '#tests/bench/commands/bench_data'

/**
 * The benchmark's ace commands (`bench`, `bench:data`), registered by adonisrc.ts's
 * "commands": they live with the benchmark, apart from the application's own commands.
 */
const loader = new ListLoader([Bench, BenchData])

/** What `node ace list` shows of them. */
export function getMetaData() {
  return loader.getMetaData()
}

/** The command class to run. */
export function getCommand(metaData: CommandMetaData) {
  return loader.getCommand(metaData)
}
