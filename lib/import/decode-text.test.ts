import { describe, expect, test } from 'vitest';
import { decodeText, type TextEncodingName } from './decode-text';
import { ImportStop } from './import-problems';

async function* chunks(bytes: Uint8Array, size = bytes.length || 1) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function decode(bytes: Uint8Array, size?: number): Promise<{ text: string; encoding: TextEncodingName | null }> {
  let encoding: TextEncodingName | null = null;
  let text = '';
  for await (const part of decodeText(chunks(bytes, size), (e) => (encoding = e))) text += part;
  return { text, encoding };
}

async function refusal(bytes: Uint8Array, size?: number): Promise<{ code: string; line: number | null }> {
  try {
    await decode(bytes, size);
  } catch (error) {
    if (error instanceof ImportStop) return { code: error.code, line: error.line };
    throw error;
  }
  throw new Error('the bytes were accepted');
}

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 bytes of a text of Latin-1 letters and the few characters of 0x80–0x9F used below. */
function windows1252(text: string): Uint8Array {
  const high: Record<string, number> = { '’': 0x92, œ: 0x9c, '€': 0x80, '«': 0xab, '»': 0xbb };
  return Uint8Array.from([...text].map((c) => high[c] ?? c.charCodeAt(0)));
}

const FRENCH = 'Nom;Ville\nCafé Dépôt;Québec\nGarçon à l’œuvre;Trois-Rivières\n';

describe('decodeText', () => {
  test('UTF-8 without byte-order mark: é à ç read as written', async () => {
    expect(await decode(utf8(FRENCH))).toEqual({ text: FRENCH, encoding: 'utf-8' });
  });

  test('UTF-8 with a byte-order mark: the mark is dropped', async () => {
    expect(await decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(FRENCH)]))).toEqual({ text: FRENCH, encoding: 'utf-8' });
  });

  test('Windows-1252 (Excel’s “CSV (séparateur : point-virgule)”): é à ç, and ’ œ € from 0x80–0x9F', async () => {
    const text = 'Nom;Prix\nCafé à Montréal;12 €\nGarçon à l’œuvre;3\n';
    expect(await decode(windows1252(text))).toEqual({ text, encoding: 'windows-1252' });
  });

  test('the same in chunks of 1 to 7 bytes: a character cut between two chunks still reads', async () => {
    for (const size of [1, 2, 3, 7]) {
      expect((await decode(utf8(FRENCH), size)).text, `chunks of ${size}`).toBe(FRENCH);
      expect((await decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(FRENCH)]), size)).text).toBe(FRENCH);
      expect((await decode(windows1252(FRENCH), size)).text).toBe(FRENCH);
    }
  });

  test('Windows-1252 whose first accent comes after thousands of ASCII lines is still Windows-1252', async () => {
    const text = `${'a;b\n'.repeat(5000)}Hélène;Ç\n`;
    expect(await decode(windows1252(text), 4096)).toEqual({ text, encoding: 'windows-1252' });
  });

  test('ASCII only is read as UTF-8 (it is both)', async () => {
    expect(await decode(utf8('No. client;Nom\n1;A\n'))).toEqual({ text: 'No. client;Nom\n1;A\n', encoding: 'utf-8' });
  });

  test('UTF-16 (Excel’s “Unicode text”) is refused with its own message', async () => {
    expect(await refusal(Uint8Array.from([0xff, 0xfe, 0x4e, 0x00, 0x6f, 0x00]))).toEqual({ code: 'import.utf16', line: null });
  });

  test('a NUL byte (a spreadsheet’s binary file, an image) is refused at its line', async () => {
    expect(await refusal(Uint8Array.from([...utf8('a;b\nc;d\n'), 0x50, 0x00, 0x4b]))).toEqual({ code: 'import.binary', line: 3 });
  });

  test('a file that starts in UTF-8 and then holds a Windows-1252 accent is refused at that line', async () => {
    const bytes = Uint8Array.from([...utf8('Nom\nCafé\nA\n'), ...windows1252('Dépôt\n')]);
    expect(await refusal(bytes)).toEqual({ code: 'import.mixedEncoding', line: 4 });
    expect(await refusal(bytes, 3)).toEqual({ code: 'import.mixedEncoding', line: 4 });
  });

  test('a file that starts in Windows-1252 and then holds UTF-8 (Café written Ã©) is refused at that line, whatever the chunks', async () => {
    const bytes = Uint8Array.from([...windows1252('Nom\nCafé\nA\n'), ...utf8('Dépôt\n')]);
    for (const size of [undefined, 1, 2, 3, 5, 13]) {
      expect(await refusal(bytes, size), `chunks of ${size ?? 'all'}`).toEqual({ code: 'import.switchedToUtf8', line: 4 });
    }
  });

  test.each([
    ['an accented letter', 'é'],
    ['a capital with its accent', 'É'],
    ['a typographic apostrophe', '’'],
    ['a no-break space before a guillemet', '\u00a0»'],
    ['the euro sign', '€'],
    ['œ', 'œ'],
  ])('Windows-1252 then UTF-8 for %s: refused on its line', async (_name, text) => {
    const bytes = Uint8Array.from([...windows1252('Nom\nGarçon\n'), ...utf8(`x${text}y\n`)]);
    expect(await refusal(bytes)).toEqual({ code: 'import.switchedToUtf8', line: 3 });
  });

  test('Windows-1252 whose bytes happen to form a rare UTF-8 character (é, no-break space, ») is still read as written', async () => {
    // E9 A0 BB is also the UTF-8 of a CJK ideograph: no French text written in UTF-8 holds one.
    const text = 'Nom\n« Café\u00a0» à Québec\nCAFÉ\u00a0»\n';
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)).map((code) => (code === 0x2019 ? 0x92 : code)));
    expect(await decode(bytes)).toEqual({ text, encoding: 'windows-1252' });
  });
});
