import { test } from '@japa/runner'
import { pathWithoutToken, typedList, typedValue } from '#helpers/form_input'

test.group('Form input kept through the address', () => {
  test('a typed value is a text, cut to a sane length; anything else is dropped', ({ assert }) => {
    assert.equal(typedValue('1 200,50'), '1 200,50')
    assert.lengthOf(typedValue('9'.repeat(10_000))!, 255)
    assert.isUndefined(typedValue(undefined))
    assert.isUndefined(typedValue({ a: '1' }))
    assert.isUndefined(typedValue(['1', '2']))
  })

  test('a typed list keeps its texts, one value read as a list of one', ({ assert }) => {
    assert.deepEqual(typedList(['3', '4']), ['3', '4'])
    assert.deepEqual(typedList('3'), ['3'])
    assert.deepEqual(typedList(['3', { x: 1 }, 4]), ['3'])
    assert.isUndefined(typedList(undefined))
    assert.isUndefined(typedList(null))
  })

  test('the CSRF token a GET submit sent is taken out of the address, the rest kept', ({
    assert,
  }) => {
    assert.isNull(pathWithoutToken('/agreements/create', 'startsOn=2027-01-01'))
    assert.isNull(pathWithoutToken('/agreements/create', ''))
    assert.equal(
      pathWithoutToken(
        '/agreements/create',
        '_csrf=abc&companyId=3&cellIds%5B%5D=1&cellIds%5B%5D=2'
      ),
      '/agreements/create?companyId=3&cellIds%5B%5D=1&cellIds%5B%5D=2'
    )
    assert.equal(pathWithoutToken('/agreements/5/edit', '_csrf=abc'), '/agreements/5/edit')
  })
})
