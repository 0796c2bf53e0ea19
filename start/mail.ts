/*
|--------------------------------------------------------------------------
| Mail in tests
|--------------------------------------------------------------------------
|
| Loaded in the test environment only: the commit of a change waits for its
| emails to leave the outbox, so that they are among the recording transport's
| emails as soon as the request or command that caused them returns.
|
*/
import OutgoingEmail from '#models/outgoing_email'

OutgoingEmail.awaitDelivery = true
