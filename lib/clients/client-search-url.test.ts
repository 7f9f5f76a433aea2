import { expect, test } from 'vitest';
import { clientSearchUrl } from './find-clients';

test('the client list’s links carry a head’s number only with the filter "members", the one that reads it', () => {
  const members = clientSearchUrl.parse({ filter: 'members', head: '12345', sort: 'name' });
  expect(clientSearchUrl.href(members, { page: 2 })).toBe('/clients?filter=members&head=12345&sort=name&page=2');
  const all = clientSearchUrl.parse({ filter: 'all', head: '12345', q: 'Laval' });
  expect(clientSearchUrl.href(all, { sort: 'city' })).toBe('/clients?q=Laval&sort=city');
  expect(clientSearchUrl.href(members, { filter: 'heads' })).toBe('/clients?filter=heads&sort=name');
});
