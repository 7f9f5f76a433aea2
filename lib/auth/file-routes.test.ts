import { describe, expect, test } from 'vitest';
import { ROUTE_ROLES } from './permissions';
import { isBrowserNavigation, SCREEN_OF_FILE_ROUTE } from './file-routes';

describe('file routes refused to a browser', () => {
  test.each(Object.entries(SCREEN_OF_FILE_ROUTE))('%s sends to %s, a screen with exactly the same roles', (file, screen) => {
    expect(ROUTE_ROLES[screen]).toEqual(ROUTE_ROLES[file as keyof typeof SCREEN_OF_FILE_ROUTE]);
  });
});

describe('isBrowserNavigation', () => {
  const request = (headers: Record<string, string>) => new Request('http://localhost/invoices/1/pdf', { headers });
  test.each([
    [{ 'sec-fetch-mode': 'navigate', accept: 'text/html' }, true],
    [{ 'sec-fetch-mode': 'cors', accept: 'text/html' }, false],
    [{ 'sec-fetch-mode': 'no-cors' }, false],
    [{ accept: 'text/html,application/xhtml+xml' }, true],
    [{ accept: '*/*' }, false],
    [{}, false],
  ])('%j → %s', (headers, expected) => {
    expect(isBrowserNavigation(request(headers))).toBe(expected);
  });
});
