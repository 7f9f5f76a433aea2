/** `%` and `_` typed by the person are searched for as themselves in a LIKE pattern (the backslash too). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
