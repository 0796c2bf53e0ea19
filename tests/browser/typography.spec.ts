import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import MainSeeder from '#database/seeders/main_seeder'
import { logInAs, DEMO_ROLES } from '#tests/support/demo_pages'
import type { Page } from 'playwright'
import { truncateNow } from '#tests/support/database'
import { typographyProblems } from '#tests/support/typography'

/** What the typography check finds on pages, read in French then in English. */
async function problemsOn(page: Page, paths: string[]) {
  const problems: string[] = []
  for (const locale of ['fr', 'en'] as const) {
    if (locale === 'en') {
      await page.getByRole('button', { name: 'English' }).click()
    }
    for (const path of paths) {
      await page.goto(path)
      const text = await page.locator('body').innerText()
      for (const problem of typographyProblems(text, locale)) {
        problems.push(`${locale} ${path} ${problem}`)
      }
    }
  }
  return problems
}

/**
 * Every role's pages (manager, tenant, official) on the demo data, in French then in English,
 * read as text and checked for what a careful reader would mark (tests/support/typography.ts).
 */
test.group('Browser: French and English typography on every page', (group) => {
  group.setup(async () => {
    await truncateNow()
    await new MainSeeder(db.connection()).run()
  })
  group.teardown(() => truncateNow())

  for (const [role, email, pages] of DEMO_ROLES) {
    test(`${role} pages`, async ({ visit, assert }) => {
      const page = await visit('/login')
      await logInAs(page, email)
      assert.deepEqual(await problemsOn(page, await pages()), [])
    })
      // Some forty pages, each read in full: a busy machine needs more than a minute.
      .timeout(240_000)
  }
})
