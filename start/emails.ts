/*
|--------------------------------------------------------------------------
| Emails from the web process
|--------------------------------------------------------------------------
|
| With EMAIL_DELIVERY=web (the default), each commit that wrote emails starts
| their delivery (OutgoingEmail.enqueue); this sweep, every half minute, sends
| those that failed before (once their delay is over) and those a stopped
| process left behind. With EMAIL_DELIVERY=worker, `node ace emails:deliver
| --watch` does both and the web process sends nothing.
|
*/
import app from '@adonisjs/core/services/app'
import OutgoingEmail from '#models/outgoing_email'

if (OutgoingEmail.delivery === 'web') {
  const sweep = setInterval(() => void OutgoingEmail.deliverSoon(), 30_000)
  sweep.unref()
  app.terminating(() => clearInterval(sweep))
}
