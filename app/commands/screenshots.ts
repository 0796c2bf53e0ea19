import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** The database the screenshots are taken on (tmp/), never the developer's own. */
const SCREENSHOTS_DATABASE = { DB_CONNECTION: 'sqlite', SQLITE_FILE: 'screenshots.sqlite3' }

/** The widths looked at: a desk and a phone. */
const VIEWPORTS = [
  { name: '1366', width: 1366, height: 900 },
  { name: '390', width: 390, height: 844 },
]

const ACCOUNTS = {
  manager: 'gestion@nouvelle-forge.test',
  tenant: 'locataire@nouvelle-forge.test',
  official: 'elu@nouvelle-forge.test',
} as const

type Role = keyof typeof ACCOUNTS

/**
 * `node ace screenshots`: seeds the demo story into its own SQLite file, starts the app on it
 * and writes a full-page screenshot of every page of each role (the lists of
 * tests/support/demo_pages.ts) at 1366 and 390 px, for a person to review; not a test.
 */
export default class Screenshots extends BaseCommand {
  static commandName = 'screenshots'
  static description =
    'Screenshot every page of each demo role at 1366 and 390 px (docs/development.md)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Folder to write into', default: 'tmp/screenshots' })
  declare out: string

  @flags.number({ description: 'Port of the server it starts', default: 3398 })
  declare port: number

  @flags.string({
    description: 'Roles, comma-separated',
    default: 'manager,tenant,official',
  })
  declare roles: string

  async run() {
    if (
      process.env.DB_CONNECTION !== SCREENSHOTS_DATABASE.DB_CONNECTION ||
      process.env.SQLITE_FILE !== SCREENSHOTS_DATABASE.SQLITE_FILE
    ) {
      // The app has booted on the configured database: run again on the screenshots' own.
      const args = [`--out=${this.out}`, `--port=${this.port}`, `--roles=${this.roles}`]
      this.exitCode = await this.#node(['ace', 'screenshots', ...args], { stdio: 'inherit' })
      return
    }
    const { chromium } = await import('playwright')
    const { logInAs, managerPages, officialPages, tenantPages } =
      await import('#tests/support/demo_pages')

    this.logger.info('seeding the demo story (tmp/screenshots.sqlite3)')
    if ((await this.#node(['ace', 'migration:fresh', '--seed', '--force'])) !== 0) {
      this.exitCode = 1
      return
    }
    const lists: Record<Role, () => Promise<string[]>> = {
      manager: managerPages,
      tenant: tenantPages,
      official: officialPages,
    }
    const roles = this.roles.split(',').filter((role): role is Role => role in lists)
    const out = this.app.makePath(this.out)
    await rm(out, { recursive: true, force: true })

    const server = await this.#startServer()
    const browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
    })
    let count = 0
    try {
      for (const role of roles) {
        const paths = await lists[role]()
        for (const viewport of VIEWPORTS) {
          const folder = join(out, role, viewport.name)
          await mkdir(folder, { recursive: true })
          const context = await browser.newContext({
            viewport: { width: viewport.width, height: viewport.height },
            baseURL: `http://127.0.0.1:${this.port}`,
            locale: 'fr-FR',
          })
          const page = await context.newPage()
          await page.goto('/login')
          await logInAs(page, ACCOUNTS[role])
          for (const [index, path] of paths.entries()) {
            await page.goto(path)
            await page.waitForLoadState('networkidle')
            const name = `${String(index + 1).padStart(2, '0')}${path.replace(/[^a-z0-9]+/gi, '-')}`
            await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true })
            count++
          }
          const menu = page.locator('.main-nav summary')
          if (viewport.width < 600 && (await menu.isVisible())) {
            await page.goto('/')
            await menu.click()
            await page.screenshot({ path: join(folder, '00-menu-open.png') })
            count++
          }
          await context.close()
        }
      }
    } finally {
      await browser.close()
      server.kill('SIGTERM')
    }
    this.logger.success(`${count} screenshots in ${this.out}/<role>/<width>/`)
  }

  /** Runs `node <args>` on the screenshots' database; resolves with its exit code. */
  #node(args: string[], options: { stdio?: 'inherit' } = {}) {
    const child = spawn(process.execPath, args, {
      cwd: this.app.makePath(),
      env: { ...process.env, ...SCREENSHOTS_DATABASE },
      stdio: options.stdio ?? ['ignore', 'ignore', 'inherit'],
    })
    return new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)))
  }

  /** The app's server (bin/server.ts, styles through Vite) on the port; waits for /health. */
  async #startServer(): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
      cwd: this.app.makePath(),
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(this.port),
        VITE_HMR_PORT: String(this.port + 20000),
        LOG_LEVEL: 'warn',
        PAGE_CACHE: 'false',
        // Styles and scripts through Vite's development server, as under `node ace serve`.
        DEV_MODE: 'true',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    for (let attempt = 0; attempt < 120; attempt++) {
      try {
        const response = await fetch(`http://127.0.0.1:${this.port}/health`)
        if (response.status === 200) return child
      } catch {}
      if (child.exitCode !== null) break
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    child.kill('SIGTERM')
    throw new Error(`the server did not start on port ${this.port}`)
  }
}
