import { test } from '@japa/runner'
import { readdir, readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'

/** Flattens nested message files into dotted keys. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key)
  )
}

async function messages(locale: string) {
  const dir = app.languageFilesPath(locale)
  const entries = await readdir(dir)
  const files = entries.filter((file) => file.endsWith('.json')).sort()
  const all: string[] = []
  for (const file of files) {
    const content = JSON.parse(await readFile(`${dir}/${file}`, 'utf8'))
    all.push(...keys(content, file.replace('.json', '')))
  }
  return all.sort()
}

test.group('Translations', () => {
  test('French and English have exactly the same messages', async ({ assert }) => {
    assert.deepEqual(await messages('en'), await messages('fr'))
  })

  test('every t() key used in the views exists in French', async ({ assert }) => {
    const french = new Set(await messages('fr'))
    const views = await readdir(app.viewsPath(), { recursive: true })
    const missing: string[] = []
    for (const view of views.filter((file) => file.endsWith('.edge'))) {
      const source = await readFile(app.viewsPath(view), 'utf8')
      for (const match of source.matchAll(/\bt\('([a-z0-9_.]+)'/gi)) {
        const key = match[1]
        const prefix = key.endsWith('.') ? key : `${key}.`
        if (!french.has(key) && ![...french].some((known) => known.startsWith(prefix))) {
          missing.push(`${view}: ${key}`)
        }
      }
    }
    assert.deepEqual(missing, [])
  })
})
