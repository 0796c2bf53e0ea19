import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import MainSeeder from '#database/seeders/main_seeder'
import { logInAs, managerPages } from '#tests/support/demo_pages'
import { truncateNow } from '#tests/support/database'
import { typographyProblems } from '#tests/support/typography'

/**
 * The manager's pages on the demo data, in French then in English, read as text and checked
 * for what a careful reader would mark (tests/support/typography.ts).
 */
test.group('Browser: French and English typography on every page', (group) => {
  group.setup(async () => {
    await truncateNow()
    await new MainSeeder(db.connection()).run()
  })
  group.teardown(() => truncateNow())

  test('manager pages', async ({ visit, assert }) => {
    const page = await visit('/login')
    await logInAs(page, 'gestion@nouvelle-forge.test')
    const paths = await managerPages()
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
    assert.deepEqual(problems, [])
  })
    // Some forty pages, each read in full: a busy machine needs more than a minute.
    .timeout(240_000)
})
