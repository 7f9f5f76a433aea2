import PDFDocument from 'pdfkit';

/**
 * pdfkit's `font()`, which react-pdf calls before every run of text with the embedded font's
 * object, remembered per document by that object. pdfkit keeps an embedded font by name only: for
 * an object, every call builds a new font and compares it with the one of that name by
 * serializing both fonts' name tables, then drops it — about a tenth of a statement's rendering
 * time, for the same font every time. The first call for a font does exactly what pdfkit does;
 * later ones take its result. Fonts named by a string (pdfkit's own cache) are left to pdfkit.
 */
type FontState = {
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
  fontSize(size: number): unknown;
  fontsByObject?: Map<object, unknown>;
};
type FontMethod = (this: FontState, source: unknown, family?: unknown, size?: number) => FontState;

let isInstalled = false;

export function rememberEmbeddedFonts(): void {
  if (isInstalled) return;
  isInstalled = true;
  const prototype = PDFDocument.prototype as { font?: FontMethod };
  const font = prototype.font;
  if (typeof font !== 'function') return;
  prototype.font = function (this: FontState, source, family, size) {
    if (source === null || typeof source !== 'object' || typeof family === 'string') return font.call(this, source, family, size);
    const fontSize = typeof family === 'number' ? family : size;
    const known = (this.fontsByObject ??= new Map()).get(source);
    if (known === undefined) {
      font.call(this, source, null, fontSize);
      this.fontsByObject.set(source, this._font);
      return this;
    }
    this._fontSource = source;
    this._fontFamily = null;
    this._font = known;
    if (fontSize !== undefined && fontSize !== null) this.fontSize(fontSize);
    return this;
  };
}
