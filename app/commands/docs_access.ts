import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { readFile, writeFile } from 'node:fs/promises'

/**
 * Writes the table of who may do what into docs/roles-and-routes.md, from the access
 * test's list (tests/support/route_access.ts), so that the doc never tells another story
 * than the tests; routes_access.spec.ts fails while the doc is out of date.
 */
export default class DocsAccess extends BaseCommand {
  static commandName = 'docs:access'
  static description =
    "Write the roles and routes table into docs/roles-and-routes.md from the access test's list"
  static options: CommandOptions = { startApp: true }

  async run() {
    const { default: router } = await import('@adonisjs/core/services/router')
    const { accessTable, registeredRoutes, withAccessTable } =
      await import('#tests/support/route_access')
    const prettier = await import('prettier')

    router.commit()
    const path = this.app.makePath('docs/roles-and-routes.md')
    const doc = withAccessTable(await readFile(path, 'utf8'), accessTable(registeredRoutes()))
    const options = await prettier.resolveConfig(path)
    await writeFile(path, await prettier.format(doc, { ...options, filepath: path }))
    this.logger.success('docs/roles-and-routes.md: the access table is written')
  }
}
