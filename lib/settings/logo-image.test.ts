import { describe, expect, test } from 'vitest';
import { checkLogoDataUrl, detectLogoType, logoDataUrl, MAX_LOGO_BYTES } from './logo-image';

const PNG_HEADER = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_HEADER = [0xff, 0xd8, 0xff, 0xe0];
const bytes = (header: number[], size = header.length + 8) => {
  const data = new Uint8Array(size);
  data.set(header);
  return data;
};

describe('detectLogoType', () => {
  test.each([
    ['a PNG signature', bytes(PNG_HEADER), 'image/png'],
    ['a JPEG signature', bytes(JPEG_HEADER), 'image/jpeg'],
    ['a GIF', new TextEncoder().encode('GIF89a……'), null],
    ['a PDF', new TextEncoder().encode('%PDF-1.7'), null],
    ['text named logo.png', new TextEncoder().encode('not an image at all'), null],
    ['a truncated PNG signature', new Uint8Array(PNG_HEADER.slice(0, 4)), null],
    ['nothing', new Uint8Array(), null],
  ])('%s → %s', (_name, data, expected) => {
    expect(detectLogoType(data)).toBe(expected);
  });
});

describe('logoDataUrl', () => {
  test('a PNG → data:image/png;base64,…, and the same bytes come back from it', () => {
    const png = bytes(PNG_HEADER);
    const checked = logoDataUrl(png);
    expect(checked).toEqual({ ok: true, dataUrl: `data:image/png;base64,${Buffer.from(png).toString('base64')}` });
  });

  test('a JPEG → data:image/jpeg;base64,…', () => {
    const checked = logoDataUrl(bytes(JPEG_HEADER));
    expect(checked.ok && checked.dataUrl.startsWith('data:image/jpeg;base64,/9j/')).toBe(true);
  });

  test.each([
    ['300 KB exactly is accepted', MAX_LOGO_BYTES, true],
    ['one byte over 300 KB is refused', MAX_LOGO_BYTES + 1, false],
  ])('%s', (_name, size, isAccepted) => {
    expect(logoDataUrl(bytes(PNG_HEADER, size)).ok).toBe(isAccepted);
  });

  test.each([
    ['an empty file', new Uint8Array(), 'settings.logoMissing'],
    ['a too large file', bytes(PNG_HEADER, MAX_LOGO_BYTES + 1), 'settings.logoTooLarge'],
    ['a text file', new TextEncoder().encode('hello'), 'settings.logoType'],
  ])('%s is refused with %s', (_name, data, code) => {
    expect(logoDataUrl(data)).toEqual({ ok: false, code });
  });
});

describe('checkLogoDataUrl', () => {
  const pngBase64 = Buffer.from(bytes(PNG_HEADER)).toString('base64');
  test.each([
    ['a PNG declared as PNG', `data:image/png;base64,${pngBase64}`, true],
    ['a PNG declared as JPEG', `data:image/jpeg;base64,${pngBase64}`, false],
    ['text declared as PNG', `data:image/png;base64,${Buffer.from('hello').toString('base64')}`, false],
    ['a GIF type', `data:image/gif;base64,${pngBase64}`, false],
    ['raw base64 without the data: prefix', pngBase64, false],
  ])('%s → accepted: %s', (_name, dataUrl, isAccepted) => {
    expect(checkLogoDataUrl(dataUrl).ok).toBe(isAccepted);
  });
});
