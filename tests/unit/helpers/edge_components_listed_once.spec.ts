import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import { Edge } from 'edge.js'
import { listComponentsOnce } from '#helpers/edge_components_listed_once'

/**
 * An Edge instance made as the framework makes its own (created without options, then
 * the views mounted and the cache turned on), over a page using one component; with a
 * count of the loader's component listings.
 */
function frameworkLikeEdge(views: string, options: { cache?: boolean } = {}) {
  const edge = Edge.create(options)
  edge.mount(views)
  edge.configure({ cache: true })
  const listComponents = edge.loader.listComponents.bind(edge.loader)
  const listings = { count: 0 }
  edge.loader.listComponents = () => {
    listings.count++
    return listComponents()
  }
  return { edge, listings }
}

test.group('Edge components listed once (the patch of start/view.ts)', (group) => {
  let views: string
  group.setup(() => {
    views = mkdtempSync(join(tmpdir(), 'pepiniere-edge-'))
    mkdirSync(join(views, 'components'))
    writeFileSync(join(views, 'components/greeting.edge'), 'Bonjour {{ name }}')
    writeFileSync(join(views, 'page.edge'), '@!greeting({ name })')
    return () => rmSync(views, { recursive: true, force: true })
  })

  test("Edge's cache turned on after creation still lists the components at every render", async ({
    assert,
  }) => {
    const { edge, listings } = frameworkLikeEdge(views)
    await edge.render('page', { name: 'Ada' })
    await edge.render('page', { name: 'Ada' })
    assert.equal(
      listings.count,
      2,
      'Edge no longer lists the components at every render once its cache is on: ' +
        'app/helpers/edge_components_listed_once.ts may go (check the provider first)'
    )
  })

  test('the cache given at creation lists them once (an option the framework cannot use)', async ({
    assert,
  }) => {
    const { edge, listings } = frameworkLikeEdge(views, { cache: true })
    await edge.render('page', { name: 'Ada' })
    await edge.render('page', { name: 'Ada' })
    assert.equal(listings.count, 1)
  })

  test('patched, the components are listed once and still render', async ({ assert }) => {
    const { edge, listings } = frameworkLikeEdge(views)
    listComponentsOnce(edge)
    const first = await edge.render('page', { name: 'Ada' })
    const second = await edge.render('page', { name: 'Grace' })
    assert.equal(first.trim(), 'Bonjour Ada')
    assert.equal(second.trim(), 'Bonjour Grace')
    assert.equal(listings.count, 1)
  })
})
