import { createHash, type Hash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';

/**
 * Joins PDF documents into one, written as it goes: each part's pages and the objects they use
 * are copied, written out and forgotten before the next part is read, so the memory held is one
 * part plus a table of offsets, whatever the length of the whole.
 *
 * react-pdf lays a document out whole in memory (about 100 MB per thousand invoice lines), so
 * long invoices and print batches are rendered in parts of a few pages and joined here.
 *
 * What the pages use (fonts, images) is written once: a resource of a part whose objects are
 * the same bytes as one already written is pointed to that one. Parts `isPrimed` start with a
 * page that fixes their font subsets (lib/pdf/font-primer.tsx), which is left out.
 */
export async function* mergePdfParts(
  parts: AsyncIterable<Uint8Array>,
  info: { title: string; author: string; isPrimed?: boolean },
): AsyncGenerator<Uint8Array> {
  const target = await PDFDocument.create({ updateMetadata: false });
  target.setTitle(info.title);
  target.setAuthor(info.author);
  target.setLanguage('fr-CA');
  const context = target.context;
  const pagesRef = target.catalog.get(PDFName.of('Pages')) as PDFRef;
  const rootRef = context.trailerInfo.Root as PDFRef;
  const infoRef = context.trailerInfo.Info as PDFRef;
  const offsets = new Map<number, number>();
  const pageRefs: PDFRef[] = [];
  let written = 0;

  const encode = (entries: [PDFRef, PDFObject][]): Uint8Array => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (const [ref, object] of entries) {
      const head = ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
      const body = new Uint8Array(object.sizeInBytes());
      object.copyBytesInto(body, 0);
      const tail = ascii('\nendobj\n');
      offsets.set(ref.objectNumber, written + size);
      chunks.push(head, body, tail);
      size += head.length + body.length + tail.length;
    }
    const out = concat(chunks, size);
    written += out.length;
    return out;
  };

  const header = new Uint8Array([...ascii('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]);
  written = header.length;
  yield header;

  const kept = new Set([pagesRef.objectNumber, rootRef.objectNumber, infoRef.objectNumber]);
  const shared = new Map<string, PDFRef>();
  for await (const bytes of parts) {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    const pages = await target.copyPages(source, source.getPageIndices().slice(info.isPrimed ? 1 : 0));
    const digests = new ObjectDigests(context);
    for (const page of pages) {
      page.node.set(PDFName.of('Parent'), pagesRef);
      pageRefs.push(page.ref);
      for (const group of resourceGroups(context, page.node.Resources())) {
        for (const [name, value] of group.entries()) {
          // A reference already pointed to an object written before is left as it is.
          if (!(value instanceof PDFRef) || !context.lookup(value)) continue;
          const digest = digests.of(value);
          const same = shared.get(digest);
          if (same) group.set(name, same);
          else shared.set(digest, value);
        }
      }
    }
    const fresh = context.enumerateIndirectObjects().filter(([ref]) => !kept.has(ref.objectNumber));
    const used = reachable(
      context,
      pages.map((page) => page.ref),
      kept,
    );
    yield encode(fresh.filter(([ref]) => used.has(ref.objectNumber)));
    for (const [ref] of fresh) context.delete(ref);
  }

  const pagesRoot = context.lookup(pagesRef, PDFDict);
  pagesRoot.set(PDFName.of('Kids'), context.obj(pageRefs) as PDFArray);
  pagesRoot.set(PDFName.of('Count'), PDFNumber.of(pageRefs.length));
  yield encode(context.enumerateIndirectObjects());

  // The cross-reference table: every object number up to the largest, unused ones free.
  const size = context.largestObjectNumber + 1;
  const rows = ['xref', `0 ${size}`, '0000000000 65535 f\r'];
  for (let number = 1; number < size; number++) {
    const offset = offsets.get(number);
    rows.push(offset === undefined ? '0000000000 00001 f\r' : `${String(offset).padStart(10, '0')} 00000 n\r`);
  }
  const trailer = `trailer\n<< /Size ${size} /Root ${rootRef.toString()} /Info ${infoRef.toString()} >>\nstartxref\n${written}\n%%EOF\n`;
  yield ascii(`${rows.join('\n')}\n${trailer}`);
}

/** The dictionaries of a page's resources by kind (/Font, /XObject…), each naming objects. */
function resourceGroups(context: PDFContext, resources: PDFDict | undefined): PDFDict[] {
  if (!resources) return [];
  return resources
    .entries()
    .map(([, value]) => context.lookup(value))
    .filter((value): value is PDFDict => value instanceof PDFDict);
}

/**
 * A digest of an object and all it refers to, whatever their object numbers: two objects with
 * the same digest draw the same thing, and one can stand for the other.
 */
class ObjectDigests {
  private readonly known = new Map<number, string>();

  constructor(private readonly context: PDFContext) {}

  of(ref: PDFRef): string {
    const found = this.known.get(ref.objectNumber);
    if (found) return found;
    // Until computed, a reference to itself digests as itself alone: never the same as another's.
    this.known.set(ref.objectNumber, `cycle ${ref.objectNumber}`);
    const hash = createHash('sha256');
    this.feed(hash, this.context.lookup(ref));
    const digest = hash.digest('base64');
    this.known.set(ref.objectNumber, digest);
    return digest;
  }

  private feed(hash: Hash, object: PDFObject | undefined): void {
    if (object instanceof PDFRef) hash.update(`@${this.of(object)} `);
    else if (object instanceof PDFDict) {
      hash.update('<<');
      for (const [key, value] of object.entries()) {
        hash.update(`${key.toString()} `);
        this.feed(hash, value);
      }
      hash.update('>>');
    } else if (object instanceof PDFArray) {
      hash.update('[');
      for (const value of object.asArray()) this.feed(hash, value);
      hash.update(']');
    } else if (object instanceof PDFStream) {
      this.feed(hash, object.dict);
      hash.update('stream ');
      hash.update(object.getContents());
    } else hash.update(`${object?.toString() ?? 'null'} `);
  }
}

/** The object numbers `roots` lead to, not following into `kept` (the document's own objects). */
function reachable(context: PDFContext, roots: PDFRef[], kept: Set<number>): Set<number> {
  const found = new Set<number>();
  const pending: PDFObject[] = [...roots];
  while (pending.length > 0) {
    const object = pending.pop()!;
    if (object instanceof PDFRef) {
      if (found.has(object.objectNumber) || kept.has(object.objectNumber)) continue;
      found.add(object.objectNumber);
      const target = context.lookup(object);
      if (target) pending.push(target);
    } else if (object instanceof PDFDict) pending.push(...object.values());
    else if (object instanceof PDFArray) pending.push(...object.asArray());
    else if (object instanceof PDFStream) pending.push(object.dict);
  }
  return found;
}

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
