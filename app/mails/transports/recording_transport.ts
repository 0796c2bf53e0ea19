import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { JSONTransport } from '@adonisjs/mail/transports/json'
import type { MailResponse } from '@adonisjs/mail'
import type { MailTransportContract, NodeMailerMessage } from '@adonisjs/mail/types'

/** A mailbox as nodemailer's JSON transport writes it. */
type Mailbox = { address: string; name: string }

/** A file attached to a recorded email, its content decoded. */
export type RecordedAttachment = { filename: string; contentType: string; content: Buffer }

/** An email as it would have left: rendered, with its recipients and attachments. */
export type RecordedMail = {
  messageId: string
  sentAt: Date
  from: Mailbox | null
  to: string[]
  cc: string[]
  bcc: string[]
  subject: string
  html: string
  text: string
  attachments: RecordedAttachment[]
  icalEvent: { method?: string; filename?: string; content: string } | null
}

/**
 * The emails the recording transport has sent since the process started (or the
 * last clear()), so that tests can read what a person would have received (the last
 * hundred only when they are written to files as well).
 */
export const recordedMails = {
  messages: [] as RecordedMail[],

  /** Forgets every recorded email (call it before each test that reads them). */
  clear() {
    this.messages.length = 0
  },

  /** The emails sent to an address. */
  to(address: string) {
    return this.messages.filter((message) => message.to.includes(address))
  },
}

/** How many recorded emails are kept in memory when they are also written to files. */
const KEPT_IN_MEMORY = 100

/** The encoded parts of nodemailer's JSON output. */
type Encoded = { content?: string; encoding?: string }

function decode(part: Encoded | string | undefined): Buffer {
  if (part === undefined) return Buffer.alloc(0)
  if (typeof part === 'string') return Buffer.from(part, 'utf8')
  return Buffer.from(part.content ?? '', part.encoding === 'base64' ? 'base64' : 'utf8')
}

function addresses(list: Mailbox[] | Mailbox | undefined) {
  if (!list) return []
  return (Array.isArray(list) ? list : [list]).map((mailbox) => mailbox.address)
}

/**
 * A transport for development and tests that never reaches a mail server yet never
 * swallows an email: each message is really rendered by nodemailer (its JSON
 * transport), kept in the in-memory `recordedMails`, and, when a directory is given (outside
 * tests), written there as a JSON file a developer can open.
 */
export class RecordingTransport implements MailTransportContract {
  #json = new JSONTransport()
  #directory: string | null
  #written = 0
  #made?: Promise<unknown>

  /** `directory`: where to write each email as JSON; none in tests. */
  constructor(options: { directory?: string | null } = {}) {
    this.#directory = options.directory ?? null
  }

  /** Renders the message, records it, and answers like a real transport. */
  async send(message: NodeMailerMessage): Promise<MailResponse<unknown>> {
    const response = await this.#json.send(message)
    const rendered = JSON.parse(response.original.message as unknown as string)
    const recorded: RecordedMail = {
      messageId: response.messageId,
      sentAt: new Date(),
      from: rendered.from ?? null,
      to: addresses(rendered.to),
      cc: addresses(rendered.cc),
      bcc: addresses(rendered.bcc),
      subject: rendered.subject ?? '',
      html: decode(rendered.html).toString('utf8'),
      text: decode(rendered.text).toString('utf8'),
      attachments: (rendered.attachments ?? []).map(
        (attachment: Encoded & { filename?: string; contentType?: string }) => ({
          filename: attachment.filename ?? '',
          contentType: attachment.contentType ?? 'application/octet-stream',
          content: decode(attachment),
        })
      ),
      icalEvent: rendered.icalEvent
        ? {
            method: rendered.icalEvent.method,
            filename: rendered.icalEvent.filename,
            content: decode(rendered.icalEvent).toString('utf8'),
          }
        : null,
    }
    recordedMails.messages.push(recorded)
    if (this.#directory) {
      // The files are the record there: memory keeps only the last emails of a long run.
      if (recordedMails.messages.length > KEPT_IN_MEMORY) recordedMails.messages.shift()
      await this.#write(this.#directory, recorded)
    }
    return response
  }

  /** Writes the email as JSON (attachments in base64) under a sortable file name. */
  async #write(directory: string, mail: RecordedMail) {
    this.#made ??= mkdir(directory, { recursive: true })
    await this.#made // once, not at every email
    const stamp = mail.sentAt.toISOString().replace(/[:.]/g, '-')
    const slug = mail.subject
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\w]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60)
    this.#written += 1
    const file = join(directory, `${stamp}-${this.#written}-${slug || 'mail'}.json`)
    const serialisable = {
      ...mail,
      attachments: mail.attachments.map((attachment) => ({
        ...attachment,
        content: attachment.content.toString('base64'),
        encoding: 'base64',
      })),
    }
    const json = JSON.stringify(serialisable, null, 2) + '\n'
    await writeFile(file, json).catch(async (error) => {
      if (error.code !== 'ENOENT') throw error
      // The directory was removed while the app ran: made again.
      await mkdir(directory, { recursive: true })
      await writeFile(file, json)
    })
  }
}
