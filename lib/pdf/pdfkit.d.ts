/** The part of pdfkit (react-pdf's PDF writer, which ships no types) that lib/pdf/font-cache.ts uses. */
declare module 'pdfkit' {
  const PDFDocument: { prototype: object };
  export default PDFDocument;
}
