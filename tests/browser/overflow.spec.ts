import { test } from '@japa/runner'
import type { Page } from 'playwright'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import MainSeeder from '#database/seeders/main_seeder'
import { logInAs, DEMO_ROLES } from '#tests/support/demo_pages'
import { seriousAccessibilityViolations } from '#tests/support/axe'
import { truncateNow } from '#tests/support/database'

const PHONE = { width: 390, height: 844 }

/**
 * What makes a page wider than the phone's screen: the page's width and the outermost
 * elements that stick out on the right (outside any box that scrolls), or null when it fits.
 */
async function sidewaysScroll(page: Page): Promise<string | null> {
  // Run in the page (a string: the project's TypeScript has no DOM types).
  return page.evaluate(`(() => {
    const width = window.innerWidth
    if (document.documentElement.scrollWidth <= width) return null
    const culprits = []
    for (const element of document.body.querySelectorAll('*')) {
      if (element.getBoundingClientRect().right <= width + 1) continue
      const parent = element.parentElement
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > width + 1) {
        continue
      }
      culprits.push(element.tagName.toLowerCase() + '.' + [...element.classList].join('.'))
    }
    return document.documentElement.scrollWidth + 'px wide (' + culprits.slice(0, 3).join(', ') + ')'
  })()`)
}

/** Opens each page at 390 px and lists those that scroll sideways. */
async function pagesScrollingSideways(page: Page, paths: string[]) {
  await page.setViewportSize(PHONE)
  const failures: string[] = []
  for (const path of paths) {
    await page.goto(path)
    const problem = await sidewaysScroll(page)
    if (problem) failures.push(`${path}: ${problem}`)
  }
  return failures
}

/**
 * On a phone (390 × 844), no page of any role scrolls sideways: tables scroll inside their
 * own box, the navigation folds into a menu, the building plan wraps.
 */
test.group('Browser: every page fits a phone', (group) => {
  group.setup(async () => {
    await truncateNow()
    await new MainSeeder(db.connection()).run()
  })
  group.teardown(() => truncateNow())

  for (const [role, email, pages] of DEMO_ROLES) {
    test(`${role} pages do not scroll sideways at 390 px`, async ({ visit, assert }) => {
      const page = await visit('/login')
      await logInAs(page, email)
      assert.deepEqual(await pagesScrollingSideways(page, await pages()), [])
    }).timeout(180_000)
  }

  test('a wide table scrolled sideways on a phone still shows its caption, still its name', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/login')
    await page.setViewportSize(PHONE)
    await logInAs(page, 'gestion@nouvelle-forge.test')
    for (const path of ['/rent-roll', '/timeline']) {
      await page.goto(path)
      // The widest table, scrolled to its far right (in the page: no DOM types here).
      const caption: { text: string; left: number; right: number; scrolled: number } =
        await page.evaluate(`(() => {
          const boxes = [...document.querySelectorAll('.table-scroll')]
          const box = boxes.sort((a, b) => b.scrollWidth - a.scrollWidth)[0]
          box.scrollLeft = box.scrollWidth
          const text = box.querySelector('caption .table-caption')
          const rect = text.getBoundingClientRect()
          return { text: text.textContent.trim(), left: rect.left, right: rect.right, scrolled: box.scrollLeft }
        })()`)
      assert.isAbove(caption.scrolled, 0, `${path}: its table is wider than a phone`)
      assert.isAtLeast(caption.left, 0, `${path}: the caption starts on the screen`)
      assert.isAtMost(caption.right, PHONE.width, `${path}: the caption ends on the screen`)
      const table = page.getByRole('table', { name: caption.text, exact: true })
      assert.equal(await table.count(), 1, `${path}: the caption names its table`)
    }
  }).timeout(60_000)

  test('the menu folds on a phone, opens without JavaScript and passes axe', async ({
    browser,
    visit,
    assert,
  }) => {
    const context = await browser.newContext({
      viewport: PHONE,
      javaScriptEnabled: false,
      baseURL: `http://${env.get('HOST')}:${env.get('PORT')}`,
    })
    const page = await context.newPage()
    await page.goto('/login')
    await logInAs(page, 'gestion@nouvelle-forge.test')
    const menu = page.getByRole('navigation', { name: 'Navigation principale' })
    const companies = menu.getByRole('link', { name: 'Entreprises' })
    assert.isFalse(await companies.isVisible())

    await menu.locator('summary').focus()
    await page.keyboard.press('Enter')
    assert.isTrue(await companies.isVisible())
    await context.close()

    // axe with scripts on (it is one), the menu open, on a page of each kind
    const axePage = await visit('/login')
    await axePage.setViewportSize(PHONE)
    await logInAs(axePage, 'gestion@nouvelle-forge.test')
    for (const path of ['/', '/companies', '/meeting-rooms']) {
      await axePage.goto(path)
      await axePage.locator('.main-nav summary').click()
      assert.deepEqual(await seriousAccessibilityViolations(axePage), [], path)
    }
  }).timeout(180_000)

  test('on a desk the navigation is a bar that marks the current page', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/login')
    await page.setViewportSize({ width: 1366, height: 900 })
    await logInAs(page, 'gestion@nouvelle-forge.test')
    await page.goto('/companies')
    const menu = page.getByRole('navigation', { name: 'Navigation principale' })
    assert.isFalse(await menu.locator('summary').isVisible())
    const current = menu.getByRole('link', { name: 'Entreprises' })
    assert.isTrue(await current.isVisible())
    assert.equal(await current.getAttribute('aria-current'), 'page')
  })
})
