import { test } from '@japa/runner'
import { spreadsheetCell } from '#helpers/csv'

test.group('CSV cells a spreadsheet never runs', () => {
  test('text that starts like a formula is written as text', ({ assert }) => {
    for (const [value, cell] of [
      ['=HYPERLINK("http://evil.example","clic")', `'=HYPERLINK("http://evil.example","clic")`],
      ['+33 6 00 00 00 00', `'+33 6 00 00 00 00`],
      ['-2+3+cmd|" /C calc"!A0', `'-2+3+cmd|" /C calc"!A0`],
      ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
      ['\t=1+1', `'\t=1+1`],
      ['\r=1+1', `'\n=1+1`],
      ['   =1+1', `'   =1+1`],
      ['\uFF1DSUM(1)', `'\uFF1DSUM(1)`],
    ]) {
      assert.equal(spreadsheetCell(value), cell, JSON.stringify(value))
    }
  })

  test('numbers, the app’s own negative amounts and plain text stay as they are', ({ assert }) => {
    assert.equal(spreadsheetCell(-3), -3)
    assert.equal(spreadsheetCell('-3'), '-3')
    assert.equal(spreadsheetCell('-12,5'), '-12,5')
    assert.equal(spreadsheetCell('12,5 %'), '12,5 %')
    assert.equal(spreadsheetCell('Atelier Numérique'), 'Atelier Numérique')
    assert.equal(spreadsheetCell('a = b'), 'a = b')
    assert.equal(spreadsheetCell(null), '')
  })

  test('control characters are dropped, line breaks kept', ({ assert }) => {
    assert.equal(spreadsheetCell('A\u0000B\u0007C\u001bD\u007f'), 'ABCD')
    assert.equal(spreadsheetCell('ligne 1\r\nligne 2'), 'ligne 1\nligne 2')
  })
})
