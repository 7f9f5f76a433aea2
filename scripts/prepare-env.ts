/**
 * Runs before `npm run dev` and `npm start`: Auth.js needs AUTH_SECRET. When none is set (in the
 * environment or in .env.local), a random one is generated once and kept in .env.local, so that
 * the application starts with no variable to set and sessions survive restarts.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const envFile = path.join(process.cwd(), '.env.local');
const existing = existsSync(envFile) ? readFileSync(envFile, 'utf8') : '';

if (!process.env.AUTH_SECRET && !/^AUTH_SECRET=.+/m.test(existing)) {
  const secret = randomBytes(32).toString('base64url');
  const separator = existing && !existing.endsWith('\n') ? '\n' : '';
  appendFileSync(envFile, `${separator}# Generated on first start; keep it secret. Sessions are signed with it.\nAUTH_SECRET=${secret}\n`, {
    mode: 0o600,
  });
  console.log('AUTH_SECRET généré dans .env.local');
}
