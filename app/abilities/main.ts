/*
|--------------------------------------------------------------------------
| Bouncer abilities
|--------------------------------------------------------------------------
|
| Route groups say which roles reach which pages (start/routes.ts) and
| record-level rules live in the policies of app/policies. No standalone
| ability is needed yet.
|
*/
export {}
