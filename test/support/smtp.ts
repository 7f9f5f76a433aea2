/** An in-process SMTP server for tests: real SMTP on a loopback port, messages parsed with mailparser. */
import { freePort } from './free-port';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the server received but has not answered yet: the sender waits for its verdict. */
export type HeldMessage = { hasArrived: () => boolean; release: () => void };

export type TestSmtp = {
  url: string;
  /** The messages accepted, in order (parsed unless started with `isParsing: false`). */
  messages: ParsedMail[];
  /** How many messages were accepted. */
  acceptedCount: () => number;
  /** How many SMTP connections were opened to the server. */
  connectionCount: () => number;
  /** When each message's data began to arrive (ms since the epoch), in order, refused ones included. */
  arrivals: number[];
  failNext: (count: number, reason?: string) => void;
  /** Holds the message that arrives after `count` others, before accepting it, until `release()`. */
  holdAfter: (count: number) => HeldMessage;
  close: () => Promise<void>;
};

/** `isParsing: false` accepts and counts messages without parsing them (a benchmark's sink). */
export async function startSmtpServer({ isParsing = true } = {}): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  let accepted = 0;
  let failures = 0;
  let failureReason = '451 4.3.0 Serveur temporairement indisponible';
  let received = 0;
  let connections = 0;
  const arrivals: number[] = [];
  let hold: { after: number; arrive: () => void; released: Promise<void> } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, _session, callback) {
      arrivals.push(Date.now());
      if (failures > 0) {
        failures--;
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error(failureReason), { responseCode: 451 })));
        return;
      }
      const held = hold?.after === received ? hold : null;
      if (held) hold = null;
      received++;
      if (!isParsing) {
        stream.resume();
        stream.on('end', () => {
          accepted++;
          callback();
        });
        return;
      }
      simpleParser(stream)
        .then(async (mail) => {
          if (held) {
            held.arrive();
            await held.released;
          }
          messages.push(mail);
          accepted++;
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
    acceptedCount: () => accepted,
    connectionCount: () => connections,
    arrivals,
    failNext: (count, reason) => {
      failures = count;
      if (reason) failureReason = reason;
    },
    holdAfter: (count) => {
      let hasArrived = false;
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      hold = { after: count, arrive: () => (hasArrived = true), released };
      return { hasArrived: () => hasArrived, release };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
