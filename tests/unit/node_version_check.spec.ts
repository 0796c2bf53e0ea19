import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'

/** The machine's own Node.js, older than 24 on the reference machine (the newcomer's case). */
const SYSTEM_NODE = '/usr/bin/node'

/** Runs a script of the project under a Node.js binary; its exit code and output. */
function run(node: string, args: string[]) {
  const result = spawnSync(node, args, { cwd: app.makePath(), encoding: 'utf8', timeout: 20_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** The major version of a Node.js binary. */
function majorOf(node: string) {
  return Number(run(node, ['-p', 'process.versions.node.split(".")[0]']).stdout.trim())
}

test.group('Node.js version check (bin/check_node.cjs)', () => {
  test('an older version stops with a plain message and a non-zero exit', ({ assert }) => {
    const result = run(process.execPath, ['bin/check_node.cjs', '20.11.1'])
    assert.equal(result.status, 1)
    assert.equal(result.stderr.split('\n')[0], 'Node.js 24 or newer is required, you have 20.11.1')
    assert.equal(result.stdout, '')
  })

  test('the current version passes silently', ({ assert }) => {
    const result = run(process.execPath, ['bin/check_node.cjs'])
    assert.deepEqual(result, { status: 0, stdout: '', stderr: '' })
  })

  test('ace.js (npm run dev, npm test) says it first under an older Node.js', ({ assert }) => {
    const major = majorOf(SYSTEM_NODE)
    const result = run(SYSTEM_NODE, ['ace.js', 'list'])
    const version = run(SYSTEM_NODE, ['-p', 'process.versions.node']).stdout.trim()
    assert.equal(result.status, 1)
    assert.equal(
      result.stderr.split('\n')[0],
      `Node.js 24 or newer is required, you have ${version}`,
      `under Node.js ${major}`
    )
  }).skip(
    !existsSync(SYSTEM_NODE) || majorOf(SYSTEM_NODE) >= 24,
    `${SYSTEM_NODE} is missing or not older than 24`
  )
})
