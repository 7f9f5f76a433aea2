/**
 * The bytes of an uploaded file as text, decoded as it streams in. A French spreadsheet saves
 * CSV in UTF-8 (with or without a byte-order mark) or in Windows-1252 ("CSV (séparateur : point-
 * virgule)" in Excel): the two agree on ASCII, so the decision waits for the first byte above
 * 127. A valid UTF-8 sequence there means UTF-8 (a Windows-1252 text virtually never forms one:
 * "Ã©" is not French); anything else means Windows-1252. A file that then breaks the encoding it
 * started in is refused at that line rather than imported with garbled accents: a UTF-8 file
 * holding a byte that is not UTF-8, or a Windows-1252 file holding a character of its own written
 * as UTF-8 writes it (é as the two bytes "Ã©", ’ as the three bytes "â€™"; two files pasted
 * together). So is UTF-16 and anything with a NUL byte (a spreadsheet's binary format, an image).
 */
import { decodeWindows1252, isWindows1252Character } from '@/lib/text/windows-1252';
import { ImportStop } from './import-problems';

export type TextEncodingName = 'utf-8' | 'windows-1252';

/** The length of the UTF-8 sequence a lead byte announces (0: not a lead byte). */
function utf8SequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function isUtf8Sequence(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function countLineFeeds(bytes: Uint8Array, end = bytes.length): number {
  let count = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) count++;
  return count;
}

/** Where a UTF-8 text stops being valid in `bytes` (a sequence cut at the end is not an error). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceLength(lead);
    if (length === 0) return i;
    if (i + length > bytes.length) return isUtf8Prefix(bytes.subarray(i)) ? -1 : i;
    if (!isUtf8Sequence(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return -1;
}

function isUtf8Prefix(bytes: Uint8Array): boolean {
  for (let i = 1; i < bytes.length; i++) if ((bytes[i]! & 0xc0) !== 0x80) return false;
  return true;
}

/**
 * In a Windows-1252 text, where a character of Windows-1252 itself appears written in UTF-8: its
 * first byte (`at`), or -1. Only such characters count: they are what a French text in UTF-8
 * holds, and a Windows-1252 text never forms one ("Ã©", "â€™" are no French), whereas its own
 * letters may happen to form another UTF-8 character ("é\u00a0»" is also the bytes of an
 * ideograph). `cut`: the bytes at the end that may begin such a character, to be read again with
 * the next chunk.
 */
function findUtf8InWindows1252(bytes: Uint8Array): { at: number; cut: number } {
  const isContinuation = (i: number) => i < bytes.length && (bytes[i]! & 0xc0) === 0x80;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    // Windows-1252's characters are all below U+10000: two or three bytes in UTF-8.
    if (lead < 0xc2 || lead > 0xef || !isContinuation(i + 1)) {
      if (lead >= 0xc2 && lead <= 0xef && i + 1 === bytes.length) return { at: -1, cut: 1 };
      continue;
    }
    let codePoint: number;
    if (lead <= 0xdf) codePoint = ((lead & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
    else if (isContinuation(i + 2)) codePoint = ((lead & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
    else if (i + 2 === bytes.length) return { at: -1, cut: 2 };
    else continue;
    // A three-byte form of a character below U+0800 is not UTF-8 (an overlong form).
    if ((lead <= 0xdf || codePoint >= 0x800) && isWindows1252Character(codePoint)) return { at: i, cut: 0 };
  }
  return { at: -1, cut: 0 };
}

/**
 * Decodes `chunks` as they come. `onEncoding` hears the encoding once decided (UTF-8 for a file
 * with a byte-order mark or whose first non-ASCII character is UTF-8; Windows-1252 otherwise; a
 * file all in ASCII is reported as UTF-8, which it also is).
 */
export async function* decodeText(
  chunks: AsyncIterable<Uint8Array>,
  onEncoding: (encoding: TextEncodingName) => void = () => {},
): AsyncGenerator<string> {
  let encoding: TextEncodingName | null = null;
  // Set by decide(), hence read through `as`: the compiler does not follow assignments in closures.
  let utf8 = null as TextDecoder | null;
  let pending: Uint8Array = new Uint8Array(0);
  let isFirst = true;
  let lineFeeds = 0;

  const decide = (chosen: TextEncodingName): TextEncodingName => {
    if (chosen === 'utf-8') utf8 = new TextDecoder('utf-8', { fatal: true });
    onEncoding(chosen);
    return chosen;
  };

  for await (const chunk of chunks) {
    let bytes: Uint8Array = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    pending = new Uint8Array(0);
    if (isFirst) {
      if (bytes.length < 3 && bytes.length > 0 && bytes[0] === 0xef) {
        pending = bytes;
        continue;
      }
      isFirst = false;
      if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new ImportStop('import.utf16');
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        bytes = bytes.subarray(3);
        encoding = decide('utf-8');
      }
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) throw new ImportStop('import.binary', {}, lineFeeds + countLineFeeds(bytes, nul) + 1);

    if (encoding === null) {
      const firstHigh = bytes.findIndex((byte) => byte >= 0x80);
      if (firstHigh < 0) {
        lineFeeds += countLineFeeds(bytes);
        yield Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
        continue;
      }
      const length = utf8SequenceLength(bytes[firstHigh]!);
      if (length > 0 && firstHigh + length > bytes.length && isUtf8Prefix(bytes.subarray(firstHigh))) {
        // The first accented character is cut by the end of the chunk: wait for the rest of it.
        const ascii = bytes.subarray(0, firstHigh);
        lineFeeds += countLineFeeds(ascii);
        if (ascii.length > 0) yield Buffer.from(ascii.buffer, ascii.byteOffset, ascii.byteLength).toString('latin1');
        pending = Uint8Array.from(bytes.subarray(firstHigh));
        continue;
      }
      encoding = decide(length > 0 && isUtf8Sequence(bytes.subarray(firstHigh, firstHigh + length)) ? 'utf-8' : 'windows-1252');
    }

    if (encoding === 'windows-1252') {
      const { at, cut } = findUtf8InWindows1252(bytes);
      if (at >= 0) throw new ImportStop('import.switchedToUtf8', {}, lineFeeds + countLineFeeds(bytes, at) + 1);
      if (cut > 0) {
        pending = Uint8Array.from(bytes.subarray(bytes.length - cut));
        bytes = bytes.subarray(0, bytes.length - cut);
      }
      lineFeeds += countLineFeeds(bytes);
      if (bytes.length > 0) yield decodeWindows1252(bytes);
      continue;
    }
    try {
      const text = utf8!.decode(bytes, { stream: true });
      lineFeeds += countLineFeeds(bytes);
      if (text) yield text;
    } catch {
      const invalid = Math.max(0, firstInvalidUtf8(bytes));
      throw new ImportStop('import.mixedEncoding', {}, lineFeeds + countLineFeeds(bytes, invalid) + 1);
    }
  }
  if (pending.length > 0) {
    // A file of one or two bytes, or one ending in the middle of its first accented character.
    if (encoding === null) encoding = decide(isUtf8Sequence(pending) ? 'utf-8' : 'windows-1252');
    if (encoding === 'windows-1252') yield decodeWindows1252(pending);
    else {
      try {
        yield utf8!.decode(pending, { stream: true });
      } catch {
        throw new ImportStop('import.mixedEncoding', {}, lineFeeds + 1);
      }
    }
  }
  if (encoding === null) onEncoding('utf-8');
  if (utf8 !== null) {
    try {
      const rest = (utf8 as TextDecoder).decode();
      if (rest) yield rest;
    } catch {
      throw new ImportStop('import.mixedEncoding', {}, lineFeeds + 1);
    }
  }
}
