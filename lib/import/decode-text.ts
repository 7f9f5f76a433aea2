/**
 * The bytes of an uploaded file as text, decoded as it streams in. A French spreadsheet saves
 * CSV in UTF-8 (with or without a byte-order mark) or in Windows-1252 ("CSV (séparateur : point-
 * virgule)" in Excel): the two agree on ASCII, so the decision waits for the first byte above
 * 127. A valid UTF-8 sequence there means UTF-8 (a Windows-1252 text virtually never forms one:
 * "Ã©" is not French); anything else means Windows-1252. A file that then breaks the encoding it
 * started in is refused at that line rather than imported with garbled accents; so is UTF-16 and
 * anything with a NUL byte (a spreadsheet's binary format, an image).
 */
import { decodeWindows1252 } from '@/lib/text/windows-1252';
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
      lineFeeds += countLineFeeds(bytes);
      yield decodeWindows1252(bytes);
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
