/**
 * The company logo printed on invoices: a PNG or JPEG of at most 300 KB, stored as a data URL
 * ("data:image/png;base64,…") in `company_settings.logo_png_base64`. The type is read from the
 * file's first bytes, never from its name or from what the browser claims.
 */
export const MAX_LOGO_BYTES = 300 * 1024;

export type LogoType = 'image/png' | 'image/jpeg';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/** PNG or JPEG from the magic bytes; anything else → null. */
export function detectLogoType(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, JPEG_SIGNATURE)) return 'image/jpeg';
  return null;
}

export type LogoCheck =
  { ok: true; dataUrl: string } | { ok: false; code: 'settings.logoMissing' | 'settings.logoTooLarge' | 'settings.logoType' };

/** The uploaded bytes → the data URL to store, or the reason they are refused. */
export function logoDataUrl(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { ok: false, code: 'settings.logoMissing' };
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, code: 'settings.logoTooLarge' };
  const type = detectLogoType(bytes);
  if (!type) return { ok: false, code: 'settings.logoType' };
  return { ok: true, dataUrl: `data:${type};base64,${Buffer.from(bytes).toString('base64')}` };
}

/** A stored (or submitted) data URL checked again from its decoded bytes. */
export function checkLogoDataUrl(dataUrl: string): LogoCheck {
  const match = /^data:image\/(?:png|jpeg);base64,([A-Za-z0-9+/]*={0,2})$/.exec(dataUrl);
  if (!match) return { ok: false, code: 'settings.logoType' };
  const checked = logoDataUrl(new Uint8Array(Buffer.from(match[1]!, 'base64')));
  // The declared type must be the one the bytes show.
  if (checked.ok && checked.dataUrl !== dataUrl) return { ok: false, code: 'settings.logoType' };
  return checked;
}
