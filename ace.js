/*
|--------------------------------------------------------------------------
| JavaScript entrypoint for running ace commands
|--------------------------------------------------------------------------
|
| Registers the TypeScript JIT loader, then imports the ace console
| entrypoint. Replaced by the compiled version in production builds.
|
*/
import '@poppinss/ts-exec'

await import('./bin/console.js')
