import { RecordingTransport } from '#mails/transports/recording_transport'

/** Makes every email fail to leave (the SMTP server down) until the returned function is called. */
export function mailServerDown(message = 'SMTP indisponible') {
  const send = RecordingTransport.prototype.send
  RecordingTransport.prototype.send = async () => {
    throw new Error(message)
  }
  return () => {
    RecordingTransport.prototype.send = send
  }
}
