import type { ReactElement } from 'react';
import { pdf, type DocumentProps } from '@react-pdf/renderer';
import { registerPdfFonts } from './fonts';

/**
 * A react-pdf document rendered to bytes. react-pdf's renderToBuffer never unmounts the React
 * tree it mounted, and every render stays in memory (about 4 MB for 25 invoice pages); the
 * tree is unmounted here once the file is written.
 */
export async function renderPdfDocument(document: ReactElement<DocumentProps>): Promise<Buffer> {
  registerPdfFonts();
  const instance = pdf(document);
  try {
    const stream = await instance.toBuffer();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } finally {
    instance.updateContainer(null as unknown as ReactElement<DocumentProps>);
    (instance.container as { document: unknown }).document = null;
  }
}
