import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import HttpExceptionHandler from '#exceptions/handler'

test.group('Unexpected errors', () => {
  test('outside development, a 500 shows the French page and no stack trace', async ({
    assert,
  }) => {
    const ctx = await testUtils.createHttpContext()
    ctx.request.request.headers.accept = 'text/html'
    const handler = new HttpExceptionHandler()

    await handler.handle(new Error('secret internals at db.ts:42'), ctx)

    assert.equal(ctx.response.getStatus(), 500)
    const body = String(ctx.response.getBody())
    assert.include(body, 'Une erreur est survenue')
    assert.notInclude(body, 'secret internals')
    assert.notInclude(body, 'db.ts:42')
  })
})
