/**
 * Windows-1252, the encoding of Windows programs and of the files a French spreadsheet saves as
 * "CSV" on Windows. Node's TextDecoder reads bytes 0x80–0x9F of it as control characters
 * (ISO-8859-1) instead of ’ “ ” – — … € Œ œ, so both directions go through this table.
 */

/** The characters Windows-1252 puts at 0x80–0x9F, where ISO-8859-1 has control codes (0x81, 0x8D, 0x8F, 0x90, 0x9D unused). */
const HIGH: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};
const BYTE_OF = new Map(Object.entries(HIGH).map(([byte, character]) => [character, Number(byte)]));

/** Whether Windows-1252 writes the character `codePoint` (above ASCII) in one byte of its own: é, «, ’, €, œ… */
export function isWindows1252Character(codePoint: number): boolean {
  return (codePoint >= 0xa0 && codePoint <= 0xff) || BYTE_OF.has(String.fromCodePoint(codePoint));
}

/** Text as Windows-1252 bytes; a character it cannot hold becomes "?". */
export function encodeWindows1252(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else bytes.push(BYTE_OF.get(character) ?? 0x3f);
  }
  return Uint8Array.from(bytes);
}

/**
 * Windows-1252 bytes as text (an unused byte stays its ISO-8859-1 control character): read as
 * ISO-8859-1 by Node itself, then 0x80–0x9F replaced from the table, so that an imported file of
 * tens of megabytes decodes at native speed.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (character) => HIGH[character.charCodeAt(0)] ?? character);
}
