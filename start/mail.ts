/*
|--------------------------------------------------------------------------
| Mail in tests
|--------------------------------------------------------------------------
|
| Loaded in the test environment only: an email "sent later" (mail.sendLater)
| is sent at once, so that it is in the recording outbox as soon as the request
| or command that sent it returns, and a failure fails the test.
|
*/
import mail from '@adonisjs/mail/services/main'

mail.setMessenger((mailer) => ({
  queue: async (message, config) => {
    await mailer.sendCompiled(message, config)
  },
}))
