import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of a PDF, page by page, as a reader would copy it (pdf.js). */
export async function pdfText(data: Uint8Array): Promise<string[]> {
  return (await pdfPages(data)).map((page) => page.text);
}

/** What `read` gives of each page of a PDF (pdf.js), in page order. */
async function eachPage<T>(data: Uint8Array, read: (page: PDFPageProxy) => Promise<T>): Promise<T[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: T[] = [];
    for (let number = 1; number <= document.numPages; number++) pages.push(await read(await document.getPage(number)));
    return pages;
  } finally {
    await document.destroy();
  }
}

/** Each page of a PDF with its size in points and its text. */
export function pdfPages(data: Uint8Array): Promise<{ width: number; height: number; text: string }[]> {
  return eachPage(data, async (page) => {
    const content = await page.getTextContent();
    const [, , width, height] = page.view.map((v) => Math.round(v));
    return {
      width: width!,
      height: height!,
      text: content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    };
  });
}

/** All the bytes of a streamed file (a PDF response), as the browser receives them. */
export async function streamBytes(stream: ReadableStream<Uint8Array> | null): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A piece of text as pdf.js places it on its page, in points from the bottom left. */
export type PlacedText = { text: string; left: number; bottom: number; right: number; top: number };

/** Each page's pieces of text with their boxes (blank pieces left out). */
export function pdfTextBoxes(data: Uint8Array): Promise<PlacedText[][]> {
  return eachPage(data, async (page) => {
    const boxes: PlacedText[] = [];
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , , , x, y] = item.transform as number[];
      boxes.push({ text: item.str, left: x!, bottom: y!, right: x! + item.width, top: y! + item.height });
    }
    return boxes;
  });
}

/** The pairs of pieces of text of one page printed over each other (by more than a hair). */
export function overlappingTexts(boxes: PlacedText[], tolerance = 0.5): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const height = Math.min(a.top, b.top) - Math.max(a.bottom, b.bottom);
      if (width > tolerance && height > tolerance) pairs.push([a.text, b.text]);
    }
  return pairs;
}

/** How many drawing operations the document's pages hold, all kinds together (pdf.js's operator lists). */
export async function pdfOperationCount(data: Uint8Array): Promise<number> {
  const counts = await eachPage(data, async (page) => (await page.getOperatorList()).fnArray.length);
  return counts.reduce((sum, n) => sum + n, 0);
}
