/**
 * Control characters in the text people enter (docs/business-rules.md, Text entered): a
 * single-line field — a name, a reference, a number — holds none: no line break, no tab, nothing
 * invisible; a note or an address keeps its line breaks and tabs, and nothing else invisible. One
 * definition for the forms, the dispatch API and the import; the exports escape what is stored,
 * each in its layout's way.
 */

export type TextShape = 'singleLine' | 'multiline';

/** Any control character (C0, DEL, C1: line feed, carriage return and tab among them) and Unicode's line and paragraph separators. */
const LINE_BREAKS_AND_CONTROLS = /[\p{Cc}\u2028\u2029]/u;
const LINE_BREAKS_AND_CONTROLS_RUN = /[\p{Cc}\u2028\u2029]+/gu;
/** The control characters other than tab, line feed and carriage return. */
const CONTROLS_BUT_LINE_BREAKS = /[^\P{Cc}\t\n\r]/u;

/** Whether `text` holds a character a field of this shape refuses. */
export function hasForbiddenCharacters(text: string, shape: TextShape): boolean {
  return (shape === 'singleLine' ? LINE_BREAKS_AND_CONTROLS : CONTROLS_BUT_LINE_BREAKS).test(text);
}

/** `text` on one line: each run of line breaks, tabs or other control characters becomes a space. */
export function toSingleLine(text: string): string {
  return text.replace(LINE_BREAKS_AND_CONTROLS_RUN, ' ');
}
