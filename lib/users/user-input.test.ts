import { describe, expect, test } from 'vitest';
import { createUserInput, resetPasswordInput, setActiveInput } from './user-input';

const form = (changes: Record<string, string | undefined> = {}) => ({
  name: ' Marie Tremblay ',
  email: '  Marie.Tremblay@Exemple.CA ',
  role: 'billing',
  locale: 'fr',
  password: 'dix-caract',
  ...changes,
});

function messages(changes: Record<string, string | undefined>) {
  const result = createUserInput.safeParse(form(changes));
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('createUserInput', () => {
  test('the e-mail is trimmed and lower-cased, the name trimmed, the password kept as typed', () => {
    expect(createUserInput.parse(form({ password: ' 10 chars! ' }))).toEqual({
      name: 'Marie Tremblay',
      email: 'marie.tremblay@exemple.ca',
      role: 'billing',
      locale: 'fr',
      password: ' 10 chars! ',
    });
  });

  test('a password of 9 characters is refused, 10 is accepted', () => {
    expect(messages({ password: '123456789' })).toEqual([['password', 'user.passwordTooShort']]);
    expect(createUserInput.safeParse(form({ password: '1234567890' })).success).toBe(true);
    expect(messages({ password: '' })).toEqual([['password', 'required']]);
  });

  test('a bad e-mail, an unknown role or language are refused', () => {
    expect(messages({ email: 'marie@' })).toEqual([['email', 'user.email']]);
    expect(messages({ email: ' ' })).toEqual([['email', 'required']]);
    expect(messages({ role: 'root' })).toEqual([['role', 'invalid']]);
    expect(messages({ locale: 'es' })).toEqual([['locale', 'invalid']]);
  });
});

describe('the other user forms', () => {
  test('activation comes as "true"/"false"; a reset password needs 10 characters', () => {
    expect(setActiveInput.parse({ userId: '4', isActive: 'false' })).toEqual({ userId: 4, isActive: false });
    expect(setActiveInput.safeParse({ userId: '4', isActive: 'on' }).success).toBe(false);
    expect(resetPasswordInput.safeParse({ userId: '4', password: 'court' }).success).toBe(false);
  });
});
