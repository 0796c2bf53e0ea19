/*
|--------------------------------------------------------------------------
| JavaScript entrypoint for running ace commands
|--------------------------------------------------------------------------
|
| Checks the Node.js version (plainly, before any TypeScript is loaded),
| registers the TypeScript JIT loader, then imports the ace console
| entrypoint. Replaced by the compiled version in production builds.
|
*/
import './bin/check_node.cjs'

await import('@poppinss/ts-exec')
await import('./bin/console.js')
