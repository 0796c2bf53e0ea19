import { readdirSync } from 'node:fs'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { KeptPage, PageCache } from '#helpers/page_cache'

test.group('Page cache', () => {
  test('each session gets the page with a CSRF token of its own, put together once', ({
    assert,
  }) => {
    const page = KeptPage.of('<input value="tok-1"><input value="tok-1"><p>x</p>', 'tok-1', {
      'content-type': 'text/html',
      'set-cookie': 'session=secret',
    })
    const first = page.bodyFor('tok-2', 'session-a')
    assert.equal(first.toString(), '<input value="tok-2"><input value="tok-2"><p>x</p>')
    // The session's later requests get the same bytes (its token stays valid for it).
    assert.strictEqual(page.bodyFor('tok-3', 'session-a'), first)
    assert.equal(
      page.bodyFor('tok-4', 'session-b').toString(),
      '<input value="tok-4"><input value="tok-4"><p>x</p>'
    )
    assert.deepEqual(page.headers, [['content-type', 'text/html']], 'never a cookie')
  })

  test('the sessions’ copies count in the budget', ({ assert }) => {
    const cache = new PageCache(800)
    const page = KeptPage.of('aaTbb', 'T', {})
    cache.set('k', page)
    assert.deepEqual(cache.usage, { pages: 1, bytes: 4 })
    cache.bodyFor('k', page, 'XYZ', 'session-a')
    assert.deepEqual(cache.usage, { pages: 1, bytes: 4 + 7 })
    cache.bodyFor('k', page, 'XYZ', 'session-a')
    assert.deepEqual(cache.usage, { pages: 1, bytes: 4 + 7 })
  })

  test('binary answers (the workbook) are kept as they are', ({ assert }) => {
    const bytes = Buffer.from([1, 2, 3])
    assert.strictEqual(KeptPage.of(bytes, 'token', {}).bodyFor('other', 'session'), bytes)
  })

  test('within its budget, the least recently served page goes first', ({ assert }) => {
    const cache = new PageCache(800)
    const page = () => new KeptPage([Buffer.alloc(100)], [])
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) cache.set(key, page())
    assert.deepEqual(cache.usage, { pages: 8, bytes: 800 })
    assert.exists(cache.get('a')) // now the most recent
    cache.set('i', page())
    assert.isUndefined(cache.get('b'))
    assert.exists(cache.get('a'))
    assert.deepEqual(cache.usage, { pages: 8, bytes: 800 })
  })

  test('a page bigger than an eighth of the budget is not kept', ({ assert }) => {
    const cache = new PageCache(800)
    cache.set('big', new KeptPage([Buffer.alloc(120)], []))
    assert.isUndefined(cache.get('big'))
    assert.deepEqual(cache.usage, { pages: 0, bytes: 0 })
  })

  test('keeping a page again under the same key replaces it', ({ assert }) => {
    const cache = new PageCache(800)
    cache.set('a', KeptPage.of('one', undefined, {}))
    cache.set('a', KeptPage.of('two!', undefined, {}))
    assert.equal(cache.get('a')!.bodyFor(undefined, 'session').toString(), 'two!')
    assert.deepEqual(cache.usage, { pages: 1, bytes: 4 })
  })

  test('text is sent as the framework would have typed it', ({ assert }) => {
    assert.deepEqual(KeptPage.of('<!DOCTYPE html>', 't', {}).headers, [
      ['content-type', 'text/html; charset=utf-8'],
    ])
    assert.deepEqual(
      KeptPage.of('BEGIN:VCALENDAR', 't', { 'content-type': 'text/calendar' }).headers,
      [['content-type', 'text/calendar']]
    )
  })

  test('requests for a page being made wait for it, then share it', async ({ assert }) => {
    const cache = new PageCache(800)
    assert.isUndefined(cache.making('k'))
    const done = cache.startMaking('k')
    const waiting = cache.making('k')
    const page = KeptPage.of('<p>made once</p>', undefined, {})
    done(page)
    assert.strictEqual(await waiting, page)
    assert.isUndefined(cache.making('k'))
    assert.strictEqual(cache.get('k'), page)
  })

  test('a page that could not be made is not kept, and the waiting requests make their own', async ({
    assert,
  }) => {
    const cache = new PageCache(800)
    const done = cache.startMaking('k')
    const waiting = cache.making('k')
    done(undefined)
    assert.isUndefined(await waiting)
    assert.isUndefined(cache.get('k'))
  })

  test('every model revises the data when one of its rows is saved or deleted', async ({
    assert,
  }) => {
    const files = readdirSync(app.makePath('app/models')).filter((file) => file.endsWith('.ts'))
    const models = []
    for (const file of files) {
      const { default: model } = await import(`#models/${file.replace(/\.ts$/, '')}`)
      if (typeof model?.boot === 'function') models.push(model)
    }
    assert.isAbove(models.length, 10)
    // The outbox is on no page: sending an email must not make every page again.
    const onNoPage = ['OutgoingEmail']
    for (const model of models.filter((each) => !onNoPage.includes(each.name))) {
      const hooks = model.$hooks.all() as Map<string, Set<Function>>
      for (const [event, handler] of [
        ['after:save', 'bound reviseDataAfterSave'],
        ['after:delete', 'bound reviseDataAfterDelete'],
      ]) {
        const names = [...(hooks.get(event) ?? [])].map((hook) => hook.name)
        assert.include(names, handler, `${model.name}: ${event}`)
      }
    }
  })
})
