import { StyleSheet } from '@react-pdf/renderer';

/**
 * The look every document of the billing shares (invoices, statements of account): the page,
 * its font and margins, the colours, the letterhead's blocks, the table's rows and the totals.
 * A template adds only what is its own (its columns, the width of its totals).
 */

/** The family registered by lib/pdf/fonts.ts (DejaVu Sans, shipped in public/fonts). */
export const FONT_FAMILY = 'DejaVu Sans';

/** US Letter, in points: the paper of Quebec's offices. */
export const PAGE_SIZE = 'LETTER';
export const PAGE_HEIGHT = 792;

/** The page's margins, in points; the footer is printed in the bottom one. */
export const MARGIN = { top: 36, side: 40, bottom: 56 } as const;

export const COLOURS = {
  ink: '#1d2430',
  muted: '#5a6474',
  frame: '#c8cfd8',
  rule: '#d5dbe3',
  band: '#eef1f5',
  alert: '#a4161a',
} as const;

export const styles = StyleSheet.create({
  page: {
    fontFamily: FONT_FAMILY,
    fontSize: 8.5,
    paddingTop: MARGIN.top,
    paddingHorizontal: MARGIN.side,
    paddingBottom: MARGIN.bottom,
    color: COLOURS.ink,
  },
  muted: { color: COLOURS.muted },

  // The letterhead (letterhead.tsx): the company on the left, the document's title on the right.
  header: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 18 },
  company: { fontSize: 12, fontWeight: 'bold', marginBottom: 3 },
  logo: { maxWidth: 140, maxHeight: 48, marginBottom: 6, objectFit: 'contain' },
  titleBox: { alignItems: 'flex-end' },
  title: { fontSize: 16, fontWeight: 'bold' },
  meta: { flexDirection: 'row', gap: 6 },
  metaLabel: { width: 120, textAlign: 'right', color: COLOURS.muted },
  addressBox: { borderWidth: 0.75, borderColor: COLOURS.frame, padding: 8, width: 260, marginBottom: 16 },
  addressBoxTitle: { fontWeight: 'bold', marginBottom: 3 },

  // Tables: a row of columns, the column header, a section's title on a band.
  row: { flexDirection: 'row', paddingVertical: 2.5, borderBottomWidth: 0.4, borderBottomColor: COLOURS.rule },
  headRow: { fontWeight: 'bold', borderBottomWidth: 0.8, borderBottomColor: COLOURS.ink },
  band: { fontWeight: 'bold', fontSize: 9.5, marginBottom: 3, backgroundColor: COLOURS.band, padding: 3 },
  date: { width: 64 },

  // The totals, at the right under the table; the last one ruled above and larger.
  totals: { marginTop: 14, alignSelf: 'flex-end' },
  totalRow: { flexDirection: 'row', paddingVertical: 2 },
  grandTotal: { fontWeight: 'bold', fontSize: 10.5, borderTopWidth: 1, borderTopColor: COLOURS.ink, paddingTop: 4 },

  footer: {
    position: 'absolute',
    bottom: 24,
    left: MARGIN.side,
    right: MARGIN.side,
    flexDirection: 'row',
    justifyContent: 'space-between',
    fontSize: 7.5,
    color: COLOURS.muted,
  },
});
