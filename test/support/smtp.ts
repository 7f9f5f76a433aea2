/** An in-process SMTP server for tests: real SMTP on a loopback port, messages parsed with mailparser. */
import { freePort } from './free-port';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type TestSmtp = { url: string; messages: ParsedMail[]; failNext: (count: number, reason?: string) => void; close: () => Promise<void> };

export async function startSmtpServer(): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  let failures = 0;
  let failureReason = '451 4.3.0 Serveur temporairement indisponible';
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      if (failures > 0) {
        failures--;
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error(failureReason), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failNext: (count, reason) => {
      failures = count;
      if (reason) failureReason = reason;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
