import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, transports } from '@adonisjs/mail'
import { RecordingTransport } from '#mails/transports/recording_transport'

const smtpPort = env.get('SMTP_PORT', 587)
const smtpUser = env.get('SMTP_USERNAME')

/**
 * Emails leave through SMTP in production (MAIL_MAILER=smtp). Elsewhere, and whenever
 * MAIL_MAILER is not set, the recording transport renders them for real and keeps
 * them: in memory for the tests, and as JSON files in tmp/mails/ for developers.
 */
const mailConfig = defineConfig({
  default: env.get('MAIL_MAILER', 'recording'),

  /** The sender of every email unless a mail says otherwise. */
  from: {
    address: env.get('MAIL_FROM_ADDRESS', 'pepiniere@nouvelle-forge.example'),
    name: env.get('MAIL_FROM_NAME', 'Pépinière — Nouvelle Forge'),
  },

  mailers: {
    smtp: transports.smtp({
      host: env.get('SMTP_HOST', 'localhost'),
      port: smtpPort,
      /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
      secure: env.get('SMTP_SECURE', smtpPort === 465),
      ...(smtpUser
        ? { auth: { type: 'login' as const, user: smtpUser, pass: env.get('SMTP_PASSWORD', '') } }
        : {}),
    }),

    recording: () =>
      new RecordingTransport({ directory: app.inTest ? null : app.tmpPath('mails') }),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
