import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Executor } from '@/db/index';
import { DEFAULT_SMTP_CONNECTIONS, mailerFromEnvironment, smtpMailer } from './mailer';

const noDatabase = {} as Executor;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the mailer of the environment', () => {
  test('without SMTP_URL, the local outbox, one e-mail at a time', () => {
    vi.stubEnv('SMTP_URL', '');
    const mailer = mailerFromEnvironment(noDatabase);
    expect([mailer.kind, mailer.concurrency]).toEqual(['outbox', 1]);
  });

  test('with SMTP_URL, a pool of SMTP_CONNECTIONS connections (3 by default)', () => {
    vi.stubEnv('SMTP_URL', 'smtp://127.0.0.1:2525');
    const byDefault = mailerFromEnvironment(noDatabase);
    expect([byDefault.kind, byDefault.concurrency]).toEqual(['smtp', DEFAULT_SMTP_CONNECTIONS]);
    byDefault.close();
    vi.stubEnv('SMTP_CONNECTIONS', '5');
    const five = mailerFromEnvironment(noDatabase);
    expect(five.concurrency).toBe(5);
    five.close();
  });

  test.each([
    ['SMTP_CONNECTIONS', '0'],
    ['SMTP_CONNECTIONS', 'trois'],
    ['SMTP_CONNECTIONS', '2.5'],
    ['SMTP_RATE_PER_SECOND', '-1'],
  ])('%s=%s is refused with a message naming the setting, in French and English', (name, value) => {
    vi.stubEnv('SMTP_URL', 'smtp://127.0.0.1:2525');
    vi.stubEnv(name, value);
    expect(() => mailerFromEnvironment(noDatabase)).toThrow(new RegExp(`^${name} doit .* / must .*\\(${name}=${value}\\)$`));
  });

  test('pool=false in SMTP_URL: one connection per message, one at a time', () => {
    const mailer = smtpMailer('smtp://127.0.0.1:2525?pool=false', 'facturation@localhost', { connections: 4 });
    expect(mailer.concurrency).toBe(1);
    mailer.close();
  });
});
