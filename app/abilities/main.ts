/*
|--------------------------------------------------------------------------
| Bouncer abilities
|--------------------------------------------------------------------------
|
| Who may do what is decided by the policies of app/policies, one per
| resource, which every controller action asks. No standalone ability is
| needed.
|
*/
export {}
