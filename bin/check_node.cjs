/*
|--------------------------------------------------------------------------
| Node.js version check
|--------------------------------------------------------------------------
|
| Run first by ace.js (so by `npm run dev`, `npm test` and every `node ace`
| command): under an older Node.js, loading the TypeScript sources fails with
| "Unknown file extension .ts", which says nothing about the cause (`npm
| install` is stopped before by .npmrc's engine-strict). Plain CommonJS of the
| oldest syntax, so that any Node.js runs it. `node bin/check_node.cjs 20.11.1`
| checks the version given.
|
*/
'use strict'

var REQUIRED_MAJOR = 24

/** The message for a version older than required, or null when the version will do. */
function nodeVersionProblem(version) {
  var major = Number(String(version).replace(/^v/, '').split('.')[0])
  if (major >= REQUIRED_MAJOR) return null
  return 'Node.js ' + REQUIRED_MAJOR + ' or newer is required, you have ' + version
}

var given = require.main === module && process.argv[2]
var problem = nodeVersionProblem(given || process.versions.node)
if (problem) {
  console.error(problem)
  console.error('(.nvmrc names it: `nvm install && nvm use`)')
  process.exit(1)
}
