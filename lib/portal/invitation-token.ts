/**
 * The link of an invitation to the client portal: `<id>.<signature>`, the signature an HMAC
 * (SHA-256) of the invitation's id and its random nonce under the application's secret
 * (AUTH_SECRET, the one that signs the sessions). The database keeps the nonce only: reading it
 * opens no account; a forged or altered link fails the signature.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

function secret(): string {
  const value = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error('AUTH_SECRET manque : les invitations au portail sont signées avec. / AUTH_SECRET is missing.');
  return value;
}

const signatureOf = (id: number, nonce: string) =>
  createHmac('sha256', secret()).update(`portal-invitation:${id}:${nonce}`).digest('base64url');

export const newNonce = () => randomBytes(18).toString('base64url');

export function invitationToken(id: number, nonce: string): string {
  return `${id}.${signatureOf(id, nonce)}`;
}

/** The invitation id a token names, before its signature is checked against the invitation's nonce. */
export function idOfToken(token: string): number | null {
  const match = /^(\d{1,9})\.[A-Za-z0-9_-]{43}$/.exec(token);
  return match ? Number(match[1]) : null;
}

/** Whether `token` is the link of invitation `id` with `nonce`, compared in constant time. */
export function isTokenOf(token: string, id: number, nonce: string): boolean {
  const expected = Buffer.from(invitationToken(id, nonce));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
