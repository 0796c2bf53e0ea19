import { existsSync } from 'node:fs'
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Prepares a fresh clone for `npm run dev`: creates .env from .env.example with
 * a new APP_KEY, migrates the database, seeds the demo data, and prints how to log in.
 */
export default class Setup extends BaseCommand {
  static commandName = 'setup'
  static description =
    'Create .env if missing, migrate and seed the database, print the demo logins'
  static options: CommandOptions = { startApp: false }

  async run() {
    const envFile = this.app.makePath('.env')
    if (!existsSync(envFile)) {
      await copyFile(this.app.makePath('.env.example'), envFile)
      const contents = await readFile(envFile, 'utf8')
      const key = randomBytes(32).toString('base64url')
      await writeFile(envFile, contents.replace(/^APP_KEY=.*$/m, `APP_KEY=${key}`))
      this.logger.success('created .env from .env.example with a new APP_KEY')
    }
    // Sessions moved to the server: an older .env still asks for the cookie store.
    const contents = await readFile(envFile, 'utf8')
    if (/^SESSION_DRIVER=cookie[ \t]*$/m.test(contents)) {
      await writeFile(
        envFile,
        contents.replace(/^SESSION_DRIVER=cookie[ \t]*$/m, 'SESSION_DRIVER=database')
      )
      this.logger.info(
        '.env: SESSION_DRIVER=cookie replaced by database (sessions live on the server)'
      )
    }

    for (const args of [['migration:run', '--force'], ['db:seed']]) {
      const result = spawnSync(process.execPath, ['ace', ...args], {
        cwd: this.app.makePath(),
        stdio: 'inherit',
      })
      if (result.status !== 0) {
        this.logger.error(`"node ace ${args.join(' ')}" failed`)
        this.exitCode = 1
        return
      }
    }

    const port = process.env.PORT ?? '3333'
    this.ui
      .sticker()
      .heading('Pépinière is ready')
      .add(`Open http://localhost:${port}`)
      .add('')
      .add('Demo accounts (password: pepiniere-demo)')
      .add('  manager   gestion@nouvelle-forge.test')
      .add('  official  elu@nouvelle-forge.test')
      .add('  tenant    locataire@nouvelle-forge.test')
      .render()
  }
}
