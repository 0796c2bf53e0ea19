import { existsSync } from 'node:fs'
import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import { browserClient } from '@japa/browser-client'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import { chromium } from 'playwright'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { sessionBrowserClient } from '@adonisjs/session/plugins/browser_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { authBrowserClient } from '@adonisjs/auth/plugins/browser_client'
import { createMysqlDatabaseIfMissing } from '#tests/support/database'

/**
 * The browser suite drives Debian's Chromium (never a downloaded one):
 * CHROME_PATH, else /usr/bin/chromium.
 */
export const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium'
const hasChromium = existsSync(chromePath)

export const plugins: Config['plugins'] = [
  assert(),
  apiClient(),
  pluginAdonisJS(app),
  sessionApiClient(app),
  shieldApiClient(),
  authApiClient(app),
  browserClient({
    runInSuites: ['browser'],
    launcher: (config) =>
      chromium.launch({
        ...config,
        headless: true,
        executablePath: chromePath,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      }),
  }),
  sessionBrowserClient(app),
  authBrowserClient(app),
]

/**
 * Before all tests: a database that exists and is migrated (rolled back after).
 */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [
    async () => {
      await createMysqlDatabaseIfMissing()
    },
    () => testUtils.db().migrate(),
  ],
  teardown: [],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (suite.name === 'browser') {
    if (!hasChromium) {
      if (process.env.CI === 'true') {
        return suite.setup(() => {
          throw new Error(`CI=true but no Chromium at ${chromePath}: the browser suite cannot run`)
        })
      }
      console.warn(
        `\n[browser suite skipped] No Chromium found at ${chromePath}. ` +
          'Install it (apt-get install chromium) or set CHROME_PATH.\n'
      )
      suite.onGroup((group) => group.tap((test) => test.skip(true, `no Chromium at ${chromePath}`)))
      suite.onTest((test) => test.skip(true, `no Chromium at ${chromePath}`))
      return
    }
    return suite.setup(() => testUtils.httpServer().start())
  }
  if (suite.name === 'functional' || suite.name === 'bench') {
    return suite.setup(() => testUtils.httpServer().start())
  }
  if (suite.name === 'unit') {
    // The models' tests write emails that link to pages: the routes are known, as in a command.
    return suite.setup(async () => {
      const { default: router } = await import('@adonisjs/core/services/router')
      router.commit()
    })
  }
}
