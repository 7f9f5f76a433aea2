import { describe, expect, test } from 'vitest';
import { checkReferences, matchesFormat, referenceRefusal, referenceValueProblem, type ReferenceRule } from './reference-rules';

const rule = (overrides: Partial<ReferenceRule>): ReferenceRule => ({
  id: 1,
  clientNumber: 12345,
  label: 'Bon de commande',
  format: null,
  example: null,
  allowedValues: [],
  requiredFrom: '2026-01-01',
  ...overrides,
});

describe('a reference’s format', () => {
  test.each([
    ['BC-######', 'BC-004512', true],
    ['BC-######', 'bc-004512', true],
    ['BC-######', 'BC-04512', false],
    ['BC-######', 'BC-0045123', false],
    ['BC-######', 'BX-004512', false],
    ['@@-###', 'QC-123', true],
    ['@@-###', 'Q1-123', false],
    ['@@-###', 'ÉÉ-123', true],
    ['****', 'A1b2', true],
    ['****', 'A1-2', false],
    ['###', '१२३', false],
  ])('%s takes « %s »: %s', (format, value, expected) => {
    expect(matchesFormat(value, format)).toBe(expected);
  });
});

describe('a value given for a reference', () => {
  test('malformed, not allowed, too long — or right', () => {
    expect(referenceValueProblem(rule({ format: 'BC-######', example: 'BC-000001' }), 'BC-12')).toBe('format');
    expect(referenceValueProblem(rule({ allowedValues: ['Cardiologie', 'Oncologie'] }), 'Urgence')).toBe('notAllowed');
    expect(referenceValueProblem(rule({ allowedValues: ['Cardiologie', 'Oncologie'] }), 'oncologie')).toBeNull();
    expect(referenceValueProblem(rule({}), 'x'.repeat(101))).toBe('tooLong');
    expect(referenceValueProblem(rule({}), 'PO 55')).toBeNull();
  });
});

describe('the references of a call', () => {
  const order = rule({ id: 1, label: 'Bon de commande', format: 'BC-######', example: 'BC-000001' });
  const centre = rule({ id: 2, clientNumber: 12346, label: 'Centre de coûts', allowedValues: ['100', '200'], requiredFrom: '2026-12-01' });

  test('the form refuses a missing one in force on the service date; a rule not yet in force asks for nothing', () => {
    const { problems } = checkReferences({}, [order, centre], '2026-11-30', { isMissingRefused: true });
    expect(problems.map((p) => [p.rule.label, p.code])).toEqual([['Bon de commande', 'missing']]);
    const later = checkReferences({}, [order, centre], '2026-12-01', { isMissingRefused: true });
    expect(later.problems.map((p) => p.rule.label)).toEqual(['Bon de commande', 'Centre de coûts']);
  });

  test('the dispatch API and the import accept a missing one, never a malformed one', () => {
    expect(checkReferences({}, [order], '2026-12-01', { isMissingRefused: false }).problems).toEqual([]);
    const malformed = checkReferences({ 'bon de commande': 'BC-1' }, [order], '2026-12-01', { isMissingRefused: false });
    expect(malformed.problems.map((p) => p.code)).toEqual(['format']);
  });

  test('values are stored under the rules’ labels, trimmed, spelled as allowed; others are kept as given; blanks are dropped', () => {
    const { values, problems } = checkReferences(
      { 'BON DE COMMANDE': ' BC-004512 ', 'Centre de coûts': '100', Patient: ' Tremblay ', Vide: '  ' },
      [order, centre],
      '2026-12-05',
      { isMissingRefused: true },
    );
    expect(problems).toEqual([]);
    expect(values).toEqual({ Patient: 'Tremblay', 'Bon de commande': 'BC-004512', 'Centre de coûts': '100' });
  });

  test('a call edited keeps what it stored for the labels not given again; a value given replaces it', () => {
    const stored = { 'Bon de commande': 'BC-000007', 'Nom du patient': 'Tremblay', 'Ancienne règle': 'X' };
    const { values, problems } = checkReferences({ 'Centre de coûts': '200' }, [order, centre], '2026-12-05', {
      isMissingRefused: true,
      stored,
    });
    expect(problems).toEqual([]);
    expect(values).toEqual({
      'Nom du patient': 'Tremblay',
      'Ancienne règle': 'X',
      'Bon de commande': 'BC-000007',
      'Centre de coûts': '200',
    });
    // Given again empty at the form, a required one is missing.
    const cleared = checkReferences({ 'Bon de commande': ' ' }, [order], '2026-12-05', { isMissingRefused: true, stored });
    expect(cleared.problems.map((p) => p.code)).toEqual(['missing']);
  });

  test('the refusal names each field and says what to type', () => {
    const { problems } = checkReferences({ 'Centre de coûts': '300' }, [order, centre], '2026-12-05', { isMissingRefused: true });
    const refusal = referenceRefusal(problems);
    expect(refusal.fieldErrors).toEqual({
      'references[Bon de commande]': ['reference.field.missing'],
      'references[Centre de coûts]': ['reference.field.notAllowed'],
    });
    expect(refusal.details).toEqual([
      { code: 'reference.missing', params: { label: 'Bon de commande', format: 'BC-######', example: 'BC-000001', values: '' } },
      { code: 'reference.notAllowed', params: { label: 'Centre de coûts', format: '', example: '', values: '100, 200' } },
    ]);
  });
});
