import { describe, expect, test } from 'vitest';
import { optionalText, requiredText } from './fields';
import { BREAKING } from '@/test/support/breaking-text';

describe('a single-line field refuses line breaks and control characters; a multi-line one keeps its line breaks', () => {
  test.each(BREAKING.map((text) => [JSON.stringify(text), text]))('a name %s is refused, required or optional', (_name, text) => {
    for (const schema of [requiredText(200), optionalText(200)]) {
      const result = schema.safeParse(text);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual(['text.singleLine']);
    }
  });

  test('line breaks and spaces at either end are trimmed away, not refused', () => {
    expect(requiredText(200).parse('\r\n  Pharmacie Côté inc. \t\n')).toBe('Pharmacie Côté inc.');
  });

  test('a note keeps its line breaks and tabs, in any convention; other control characters are refused', () => {
    expect(optionalText(2000, 'multiline').parse('Porte arrière\r\nSonner deux fois\n\tCode 1234\rFin')).toBe(
      'Porte arrière\r\nSonner deux fois\n\tCode 1234\rFin',
    );
    for (const text of ['A\u0007B', 'A\u0000B', 'A\u001bB', 'A\u0085B']) {
      const result = requiredText(300, 'multiline').safeParse(text);
      expect(
        result.error?.issues.map((issue) => issue.message),
        JSON.stringify(text),
      ).toEqual(['text.controlCharacters']);
    }
  });
});
