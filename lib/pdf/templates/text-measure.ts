import { Font } from '@react-pdf/renderer';
import { registerPdfFonts } from '../fonts';
import { FONT_FAMILY } from './styles';

/** A text's font size in points, and its weight. */
export type TextStyle = { fontSize: number; isBold?: boolean };

/**
 * How much room text takes in the shared font, as react-pdf lays it out: a template cutting a
 * document into pages itself (each page laid out once, rather than react-pdf re-laying out what
 * is left after every page break) knows where each row ends.
 */
export type TextMeasure = {
  /** The height of a line: the font's ascent, descent and line gap, at the style's size. */
  lineHeight: (style: TextStyle) => number;
  /** The width of `text` on one line, kerned. */
  width: (text: string, style: TextStyle) => number;
  /** The lines `text` takes in `width` points, broken at its spaces as react-pdf breaks them (never within a word). */
  lineCount: (text: string, width: number, style: TextStyle) => number;
};

/** What is read of a font file (fontkit's font, which react-pdf loads and lays text out with). */
type FontMetrics = {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  layout: (text: string) => { advanceWidth: number };
};

/** How much a space may narrow for a line to fit (react-pdf's line breaking, after Knuth and Plass). */
const SPACE_SHRINK = 1 / 3;

let loaded: Promise<TextMeasure> | undefined;

/** The measure of the fonts of lib/pdf/fonts.ts, loaded once a process. */
export function loadTextMeasure(): Promise<TextMeasure> {
  loaded ??= (async () => {
    registerPdfFonts();
    const [regular, bold] = await Promise.all(
      // As numbers: react-pdf resolves a weight named 'bold' to the regular font here.
      [400, 700].map(async (fontWeight) => {
        const descriptor = { fontFamily: FONT_FAMILY, fontWeight };
        await Font.load(descriptor);
        return Font.getFont(descriptor).data as unknown as FontMetrics;
      }),
    );
    return textMeasure(regular!, bold!);
  })().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

function textMeasure(regular: FontMetrics, bold: FontMetrics): TextMeasure {
  // Widths in the font's units, by word: a document repeats the same words on every row.
  const cache = new Map<FontMetrics, Map<string, number>>([
    [regular, new Map()],
    [bold, new Map()],
  ]);
  const fontOf = (style: TextStyle) => (style.isBold ? bold : regular);
  const unitsOf = (text: string, font: FontMetrics) => {
    const words = cache.get(font)!;
    let units = words.get(text);
    if (units === undefined) {
      units = font.layout(text).advanceWidth;
      // A cache of words, not of every amount and name.
      if (words.size < 20_000) words.set(text, units);
    }
    return units;
  };
  const width = (text: string, style: TextStyle) => {
    const font = fontOf(style);
    return (unitsOf(text, font) * style.fontSize) / font.unitsPerEm;
  };
  return {
    lineHeight: (style) => {
      const font = fontOf(style);
      return ((font.lineGap + font.ascent - font.descent) * style.fontSize) / font.unitsPerEm;
    },
    width,
    lineCount: (text, room, style) => {
      // react-pdf breaks lines at runs of plain spaces only (not at the no-break spaces of
      // amounts), and a line fits when its spaces, narrowed by up to a third, make it fit.
      const pieces = text.split(/( +)/).filter(Boolean);
      let lines = 1;
      let used = 0;
      let shrink = 0;
      let spaces = 0;
      let spacesShrink = 0;
      for (const piece of pieces) {
        const pieceWidth = width(piece, style);
        if (piece.trim() === '') {
          spaces += pieceWidth;
          spacesShrink += pieceWidth * SPACE_SHRINK;
          continue;
        }
        if (used > 0 && used + spaces + pieceWidth - (shrink + spacesShrink) > room) {
          lines += 1;
          used = pieceWidth;
          shrink = 0;
        } else {
          used += spaces + pieceWidth;
          shrink += spacesShrink;
        }
        spaces = 0;
        spacesShrink = 0;
      }
      return lines;
    },
  };
}
