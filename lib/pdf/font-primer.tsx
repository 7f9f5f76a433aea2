import { Page, Text } from '@react-pdf/renderer';
import { FONT_FAMILY, PAGE_SIZE } from './templates/styles';

/**
 * Every character the documents draw in practice: printable ASCII, Latin-1, the letters of
 * French outside it (Œ œ Ÿ), the typographic quotes, dashes and ellipsis, the euro, and the
 * spaces of fr-CA numbers (no-break, narrow no-break, thin); with the ligatures a layout may
 * form from them.
 */
export const PRIMED_CHARACTERS = [
  String.fromCharCode(...range(0x20, 0x7e)),
  String.fromCharCode(...range(0xa0, 0xff)),
  'ŒœŸ‘’‚“”„–—…•‹›€\u2009\u202f',
  ' fi fl ff ffi ffl',
].join('');

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * A page that draws PRIMED_CHARACTERS in each weight, rendered first in each part of a merged
 * file and dropped when the parts are joined (lib/pdf/merge-pdf.ts). A PDF embeds of a font
 * only the glyphs its pages use, numbered in the order they are first drawn: with this page
 * first, parts that draw nothing else embed the same bytes, which the merge writes once.
 */
export function FontPrimerPage() {
  return (
    <Page size={PAGE_SIZE} style={{ fontFamily: FONT_FAMILY, fontSize: 8, padding: 36 }}>
      <Text>{PRIMED_CHARACTERS}</Text>
      <Text style={{ fontWeight: 'bold' }}>{PRIMED_CHARACTERS}</Text>
    </Page>
  );
}
