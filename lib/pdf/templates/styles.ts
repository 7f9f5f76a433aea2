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
export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;

/** The page's margins, in points; the footer is printed in the bottom one. */
export const MARGIN = { top: 36, side: 40, bottom: 56 } as const;

/** The width between the side margins: the letterhead's, the tables'. */
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN.side;

/*
 * The sizes the documents are drawn with, in points, named once for the style sheet below and
 * for a template measuring its rows to cut its pages itself.
 */
export const TEXT_SIZE = 8.5;
export const ROW = { padding: 2.5, rule: 0.4, headRule: 0.8 } as const;
export const BAND = { fontSize: 9.5, padding: 3, marginBottom: 3 } as const;
export const TITLE_SIZE = 16;
export const COMPANY = { fontSize: 12, marginBottom: 3 } as const;
export const LOGO = { maxWidth: 140, maxHeight: 48, marginBottom: 6 } as const;
export const HEADER_MARGIN = 18;
export const META_LABEL_WIDTH = 120;
export const META_GAP = 6;
export const ADDRESS_BOX = { border: 0.75, padding: 8, width: 260, titleMargin: 3, marginBottom: 16 } as const;
export const TOTALS = { marginTop: 14, padding: 2, grandTotalPaddingTop: 4, grandTotalRule: 1, grandTotalSize: 10.5 } as const;

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
    fontSize: TEXT_SIZE,
    paddingTop: MARGIN.top,
    paddingHorizontal: MARGIN.side,
    paddingBottom: MARGIN.bottom,
    color: COLOURS.ink,
  },
  muted: { color: COLOURS.muted },

  // The letterhead (letterhead.tsx): the company on the left, the document's title on the right.
  header: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: HEADER_MARGIN },
  company: { fontSize: COMPANY.fontSize, fontWeight: 'bold', marginBottom: COMPANY.marginBottom },
  logo: { ...LOGO, objectFit: 'contain' },
  titleBox: { alignItems: 'flex-end' },
  title: { fontSize: TITLE_SIZE, fontWeight: 'bold' },
  meta: { flexDirection: 'row', gap: META_GAP },
  metaLabel: { width: META_LABEL_WIDTH, textAlign: 'right', color: COLOURS.muted },
  addressBox: {
    borderWidth: ADDRESS_BOX.border,
    borderColor: COLOURS.frame,
    padding: ADDRESS_BOX.padding,
    width: ADDRESS_BOX.width,
    marginBottom: ADDRESS_BOX.marginBottom,
  },
  addressBoxTitle: { fontWeight: 'bold', marginBottom: ADDRESS_BOX.titleMargin },

  // Tables: a row of columns, the column header, a section's title on a band.
  row: { flexDirection: 'row', paddingVertical: ROW.padding, borderBottomWidth: ROW.rule, borderBottomColor: COLOURS.rule },
  headRow: { fontWeight: 'bold', borderBottomWidth: ROW.headRule, borderBottomColor: COLOURS.ink },
  band: {
    fontWeight: 'bold',
    fontSize: BAND.fontSize,
    marginBottom: BAND.marginBottom,
    backgroundColor: COLOURS.band,
    padding: BAND.padding,
  },
  date: { width: 64 },

  // The totals, at the right under the table; the last one ruled above and larger.
  totals: { marginTop: TOTALS.marginTop, alignSelf: 'flex-end' },
  totalRow: { flexDirection: 'row', paddingVertical: TOTALS.padding },
  grandTotal: {
    fontWeight: 'bold',
    fontSize: TOTALS.grandTotalSize,
    borderTopWidth: TOTALS.grandTotalRule,
    borderTopColor: COLOURS.ink,
    paddingTop: TOTALS.grandTotalPaddingTop,
  },

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
