import { test } from '@japa/runner'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import mail from '@adonisjs/mail/services/main'
import { Message } from '@adonisjs/mail'
import { recordedMails, RecordingTransport } from '#mails/transports/recording_transport'

/** A message with every part the recording transport keeps. */
function composed() {
  const message = new Message()
  message
    .from('pepiniere@nouvelle-forge.example', 'Pépinière')
    .to('locataire@example.test')
    .cc('gestion@example.test')
    .subject('Réservation confirmée')
    .html('<p>Salle <strong>Escaut</strong></p>')
    .text('Salle Escaut')
    .icalEvent('BEGIN:VCALENDAR\r\nEND:VCALENDAR', { method: 'REQUEST', filename: 'invite.ics' })
  message.attachData(Buffer.from([0x50, 0x4b, 0x03, 0x04]), {
    filename: 'tableau.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  })
  message.attachData(Buffer.from('a;b\n1;2\n'), { filename: 'liste.csv', contentType: 'text/csv' })
  return message.toObject().message
}

test.group('Recording mail transport', (group) => {
  group.each.setup(() => recordedMails.clear())

  test('keeps what nodemailer rendered: recipients, bodies, attachments, calendar event', async ({
    assert,
  }) => {
    await new RecordingTransport().send(composed())
    assert.lengthOf(recordedMails.messages, 1)
    const [recorded] = recordedMails.messages
    assert.deepEqual(recorded.from, {
      address: 'pepiniere@nouvelle-forge.example',
      name: 'Pépinière',
    })
    assert.deepEqual(recorded.to, ['locataire@example.test'])
    assert.deepEqual(recorded.cc, ['gestion@example.test'])
    assert.equal(recorded.subject, 'Réservation confirmée')
    assert.equal(recorded.html, '<p>Salle <strong>Escaut</strong></p>')
    assert.equal(recorded.text, 'Salle Escaut')
    assert.deepEqual(
      recorded.attachments.map(({ filename, contentType }) => [filename, contentType]),
      [
        ['tableau.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        ['liste.csv', 'text/csv'],
      ]
    )
    assert.deepEqual([...recorded.attachments[0].content], [0x50, 0x4b, 0x03, 0x04])
    assert.equal(recorded.attachments[1].content.toString('utf8'), 'a;b\n1;2\n')
    assert.deepEqual(recorded.icalEvent, {
      method: 'REQUEST',
      filename: 'invite.ics',
      content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR',
    })
    assert.lengthOf(recordedMails.to('locataire@example.test'), 1)
    assert.lengthOf(recordedMails.to('personne@example.test'), 0)
  })

  test('writes each email as JSON in its directory when given one', async ({ assert }) => {
    const directory = await mkdtemp(join(tmpdir(), 'pepiniere-mails-'))
    try {
      await new RecordingTransport({ directory }).send(composed())
      const files = await readdir(directory)
      assert.lengthOf(files, 1)
      assert.match(files[0], /-reservation-confirmee\.json$/)
      const written = JSON.parse(await readFile(join(directory, files[0]), 'utf8'))
      assert.equal(written.subject, 'Réservation confirmée')
      assert.deepEqual(written.to, ['locataire@example.test'])
      assert.equal(written.attachments[1].encoding, 'base64')
      assert.equal(Buffer.from(written.attachments[1].content, 'base64').toString(), 'a;b\n1;2\n')
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  })

  test('the tests’ default mailer records each email as it is sent', async ({ assert }) => {
    assert.equal(mail.config.default, 'recording')
    await mail.send((message) => {
      message.to('a@example.test').subject('Tout de suite').text('maintenant')
    })
    assert.deepEqual(
      recordedMails.messages.map((message) => [message.to, message.subject]),
      [[['a@example.test'], 'Tout de suite']]
    )
    assert.deepEqual(recordedMails.messages[0].from, {
      address: 'pepiniere@nouvelle-forge.example',
      name: 'Pépinière — Nouvelle Forge',
    })
  })
})
