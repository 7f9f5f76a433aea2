import { Canvas, Font, Text, View, type Styles } from '@react-pdf/renderer';
import { COLOURS, FONT_FAMILY } from './styles';
import type { TextMeasure, TextStyle } from './text-measure';

/**
 * A table row whose cells each hold one short line (numbers, dates, amounts), drawn onto the
 * page in one react-pdf Canvas instead of one Text per cell. react-pdf lays every Text out
 * through its whole text engine (attributed strings, line breaking, a layout node each); a
 * statement's page of open invoices holds some two hundred such cells, most of its rendering
 * time. Here the template places the texts itself, where the Text cells would have put them, and
 * the Canvas writes them with the same embedded font: the page prints and reads (its text, in
 * order) as before.
 *
 * A row qualifies only when every text fits its column on one line (placeLine); a row that does
 * not is printed as Text cells (TextCells), which wrap, from the same cells.
 */

/** A column of a row: its text (empty for none), its width in points, its alignment. */
export type LineCell = { text: string; width: number; align?: 'right' };

/** A row's texts placed on its line (each at its left edge, in points from the row's start), and the line's size. */
export type PlacedLine = { style: TextStyle; width: number; height: number; texts: { text: string; x: number }[] };

/** The cells laid side by side on one line, or null when a text would run past its column. */
export function placeLine(cells: LineCell[], measure: TextMeasure, style: TextStyle): PlacedLine | null {
  const texts: PlacedLine['texts'] = [];
  let left = 0;
  for (const cell of cells) {
    if (cell.text !== '') {
      const width = measure.width(cell.text, style);
      if (width > cell.width) return null;
      texts.push({ text: cell.text, x: cell.align === 'right' ? left + cell.width - width : left });
    }
    left += cell.width;
  }
  return { style, width: left, height: measure.lineHeight(style), texts };
}

/**
 * The font object react-pdf lays this style's text out with. react-pdf loads the fonts of a
 * document's Text before laying it out, and every page's footer is in the regular weight.
 */
function fontOf(style: TextStyle): object {
  const font = Font.getFont({ fontFamily: FONT_FAMILY, fontWeight: style.isBold ? 700 : 400 })?.data as object | null | undefined;
  if (!font) throw new Error(`${FONT_FAMILY} is not loaded`);
  return font;
}

/** What the Canvas's painter is given of pdfkit's drawing (react-pdf types it as any). */
type Pen = {
  font: (font: object, size: number) => Pen;
  fillColor: (colour: string) => Pen;
  text: (text: string, x: number, y: number, options: { lineBreak: false }) => Pen;
};

/**
 * The placed texts of a row, as wide as its cells and one line high: a Canvas of a set size,
 * which react-pdf does not paint a first time to measure. A Canvas does not inherit its parents'
 * colour: the text is in `colour`, the ink unless told otherwise.
 */
export function LineCells({ line, colour = COLOURS.ink }: { line: PlacedLine; colour?: string }) {
  return (
    <Canvas
      style={{ width: line.width, height: line.height }}
      paint={(painter: Pen) => {
        painter.font(fontOf(line.style), line.style.fontSize).fillColor(colour);
        for (const { text, x } of line.texts) painter.text(text, x, 0, { lineBreak: false });
        return null;
      }}
    />
  );
}

/**
 * A table's cell: its text, or an empty box of its width when it has none (a box is laid out
 * for far less than a text, and a statement's rows have many empty cells).
 */
export function Cell({ style, children }: { style: Styles[string]; children?: string | number | null }) {
  return children === null || children === undefined || children === '' ? <View style={style} /> : <Text style={style}>{children}</Text>;
}

/** The same cells as Text, for a row whose texts do not all fit on one line: they wrap. */
export function TextCells({ cells }: { cells: LineCell[] }) {
  return cells.map((cell, at) => (
    <Cell key={at} style={{ width: cell.width, textAlign: cell.align ?? 'left' }}>
      {cell.text}
    </Cell>
  ));
}
