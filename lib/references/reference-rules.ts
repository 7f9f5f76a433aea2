/**
 * Required references (docs/business-rules.md, Required references): what a client's payer asks
 * every call to carry — a purchase order, an authorization number, a cost centre… — as decisions
 * on what was already read, for every writer of calls (the form, the dispatch API, the import).
 *
 * A reference's format is a mask an administrator can write and a dispatcher can read from its
 * example: `#` a digit, `@` a letter, `*` a letter or a digit, any other character itself
 * (letters matched whatever their case): `BC-######` takes `BC-004512`.
 */
import { AppError } from '@/lib/errors';

/** A reference a call must carry, as its client (or its head) defines it. */
export type ReferenceRule = {
  id: number;
  /** The client that defines it: the call's own, or the head of its group on the service date. */
  clientNumber: number;
  label: string;
  format: string | null;
  example: string | null;
  allowedValues: readonly string[];
  /** Calls served before this date are not asked for it. */
  requiredFrom: string;
};

/** The values of a call's references, by label. */
export type ReferenceValues = Record<string, string>;

export const REFERENCE_VALUE_MAX = 100;

const LETTER = /\p{L}/u;
const DIGIT = /[0-9]/;

/** Whether `value` follows the mask `format`, character by character. */
export function matchesFormat(value: string, format: string): boolean {
  const mask = [...format];
  const characters = [...value];
  if (mask.length !== characters.length) return false;
  return mask.every((m, i) => {
    const c = characters[i]!;
    if (m === '#') return DIGIT.test(c);
    if (m === '@') return LETTER.test(c);
    if (m === '*') return DIGIT.test(c) || LETTER.test(c);
    return m.toLocaleLowerCase('fr-CA') === c.toLocaleLowerCase('fr-CA');
  });
}

/** Whether a format is a usable mask: at least one character to type (#, @ or *). */
export function isUsableFormat(format: string): boolean {
  return /[#@*]/.test(format);
}

/** The value of `label` among `values`, its label matched whatever its case (as the rules are unique). */
export function valueOf(values: ReferenceValues, label: string): string | null {
  const key = Object.keys(values).find((k) => k.toLocaleLowerCase('fr-CA') === label.toLocaleLowerCase('fr-CA'));
  const value = key === undefined ? '' : values[key]!.trim();
  return value === '' ? null : value;
}

/** The order of a reference's values on an invoice's subtotals: as numbers where they are, the calls without one last. */
export function compareReferenceValues(a: string | null, b: string | null): number {
  if (a === null || b === null) return Number(a === null) - Number(b === null);
  return a.localeCompare(b, 'fr-CA', { numeric: true });
}

/** What is wrong with a value given for `rule`: malformed, or not among the allowed values. */
export type ReferenceProblemCode = 'missing' | 'format' | 'notAllowed' | 'tooLong';

export function referenceValueProblem(rule: ReferenceRule, value: string): ReferenceProblemCode | null {
  if (value.length > REFERENCE_VALUE_MAX) return 'tooLong';
  if (rule.format !== null && !matchesFormat(value, rule.format)) return 'format';
  if (
    rule.allowedValues.length > 0 &&
    !rule.allowedValues.some((allowed) => allowed.toLocaleLowerCase('fr-CA') === value.toLocaleLowerCase('fr-CA'))
  )
    return 'notAllowed';
  return null;
}

/** The rules that apply to a call served on `serviceDate`: those required from that date or before. */
export function rulesInForce(rules: readonly ReferenceRule[], serviceDate: string): ReferenceRule[] {
  return rules.filter((rule) => rule.requiredFrom <= serviceDate);
}

/** A problem with one reference of a call, named by its label. */
export type ReferenceProblem = { code: ReferenceProblemCode; rule: ReferenceRule };

/**
 * The references a call stores, from what was given (`given`, by label) and the rules of its
 * client and head (`rules`): each value of a rule, trimmed, spelled as the rule's allowed value
 * when it is one; a value for a label no rule names is kept as given. A call edited keeps what it
 * stored (`stored`) for every label not given again: the values the dispatch system sent, those
 * of a rule removed or not in force yet, and, from the API, a value typed at the form. Problems:
 * a value given malformed or not allowed (every writer); a value missing, given or stored, for a
 * rule in force on the service date (`isMissingRefused`: the form refuses it, the dispatch API
 * and the import accept the call, which then waits in the review before billing).
 */
export function checkReferences(
  given: ReferenceValues,
  rules: readonly ReferenceRule[],
  serviceDate: string,
  options: { isMissingRefused: boolean; stored?: ReferenceValues },
): { values: ReferenceValues; problems: ReferenceProblem[] } {
  const fold = (label: string) => label.trim().toLocaleLowerCase('fr-CA');
  const givenLabels = new Set(Object.entries(given).map(([label]) => fold(label)));
  const ruleLabels = new Set(rules.map((rule) => fold(rule.label)));
  const values: ReferenceValues = {};
  for (const [label, value] of Object.entries(options.stored ?? {}))
    if (!givenLabels.has(fold(label)) && !ruleLabels.has(fold(label))) values[label] = value;
  const problems: ReferenceProblem[] = [];
  for (const [label, raw] of Object.entries(given)) {
    const value = raw.trim();
    if (value !== '' && !ruleLabels.has(fold(label))) values[label.trim()] = value;
  }
  const inForce = new Set(rulesInForce(rules, serviceDate));
  for (const rule of rules) {
    const isGiven = givenLabels.has(fold(rule.label));
    const value = isGiven ? valueOf(given, rule.label) : valueOf(options.stored ?? {}, rule.label);
    if (value === null) {
      if (options.isMissingRefused && inForce.has(rule)) problems.push({ code: 'missing', rule });
      continue;
    }
    if (isGiven) {
      const problem = referenceValueProblem(rule, value);
      if (problem) problems.push({ code: problem, rule });
    }
    const allowed = rule.allowedValues.find((a) => a.toLocaleLowerCase('fr-CA') === value.toLocaleLowerCase('fr-CA'));
    values[rule.label] = allowed ?? value;
  }
  return { values, problems };
}

/** The form's field of a reference: `references[<label>]`, a nested key of the action's form data. */
export function referenceFieldName(label: string): string {
  return `references[${label}]`;
}

/**
 * The refusal of a call's references: each problem named with its label (and the format with its
 * example, or the allowed values) in the message, and on its own field.
 */
export function referenceRefusal(problems: readonly ReferenceProblem[]): AppError {
  return new AppError(
    'reference.invalid',
    {},
    Object.fromEntries(problems.map(({ code, rule }) => [referenceFieldName(rule.label), [`reference.field.${code}` as const]])),
    problems.map(({ code, rule }) => ({
      code: `reference.${code}` as const,
      params: {
        label: rule.label,
        format: rule.format ?? '',
        example: rule.example ?? '',
        values: rule.allowedValues.join(', '),
      },
    })),
  );
}
