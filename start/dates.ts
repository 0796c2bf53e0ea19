/*
|--------------------------------------------------------------------------
| Dates
|--------------------------------------------------------------------------
|
| Every Luxon date is in UTC unless said otherwise, whatever the server's time
| zone: calendar dates read from the database and days built by the app compare
| equal, and instants are shown in Europe/Paris only when formatted.
|
*/
import { Settings } from 'luxon'

Settings.defaultZone = 'utc'
