import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFObject, type PDFRef } from 'pdf-lib';

/**
 * Joins PDF documents into one, written as it goes: each part's pages and the objects they use
 * are copied, written out and forgotten before the next part is read, so the memory held is one
 * part plus a table of offsets, whatever the length of the whole.
 *
 * react-pdf lays a document out whole in memory (about 100 MB per thousand invoice lines), so
 * long invoices and print batches are rendered in parts of a few pages and joined here.
 */
export async function* mergePdfParts(
  parts: AsyncIterable<Uint8Array>,
  info: { title: string; author: string },
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
  for await (const bytes of parts) {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    const pages = await target.copyPages(source, source.getPageIndices());
    for (const page of pages) {
      page.node.set(PDFName.of('Parent'), pagesRef);
      pageRefs.push(page.ref);
    }
    const fresh = context.enumerateIndirectObjects().filter(([ref]) => !kept.has(ref.objectNumber));
    yield encode(fresh);
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
