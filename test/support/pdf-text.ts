/** The text of a PDF, page by page, as a reader would copy it (pdf.js). */
export async function pdfText(data: Uint8Array): Promise<string[]> {
  return (await pdfPages(data)).map((page) => page.text);
}

/** Each page of a PDF with its size in points and its text. */
export async function pdfPages(data: Uint8Array): Promise<{ width: number; height: number; text: string }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: { width: number; height: number; text: string }[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const [, , width, height] = page.view.map((v) => Math.round(v));
    pages.push({
      width: width!,
      height: height!,
      text: content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    });
  }
  await document.destroy();
  return pages;
}

/** All the bytes of a streamed file (a PDF response), as the browser receives them. */
export async function streamBytes(stream: ReadableStream<Uint8Array> | null): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
