import { describe, expect, test } from 'vitest';
import { auditSearchParams, describeAuditValue } from './find-audit';

describe('auditSearchParams', () => {
  test('valid filters are kept', () => {
    expect(auditSearchParams.parse({ client: ' 12346 ', from: '2026-11-01', to: '2026-11-30', entity: 'tariff', page: '3' })).toEqual({
      client: 12346,
      from: '2026-11-01',
      to: '2026-11-30',
      entity: 'tariff',
      page: 3,
    });
  });

  test('empty or bad values mean no filter, never an error', () => {
    expect(auditSearchParams.parse({ client: '', from: '', to: '', entity: '', page: '' })).toEqual({ page: 1 });
    expect(auditSearchParams.parse({ client: 'abc', from: '2026-02-30', to: '1/11/2026', entity: 'calls', page: '-2' })).toEqual({
      page: 1,
    });
    expect(auditSearchParams.parse({ client: '0' })).toEqual({ page: 1 });
    expect(auditSearchParams.parse({})).toEqual({ page: 1 });
  });
});

describe('describeAuditValue', () => {
  test.each([
    ['base_cents', '1250', { kind: 'money', cents: 1250 }],
    ['minimum_charge_cents', '0', { kind: 'money', cents: 0 }],
    ['per_km', '1.8750', { kind: 'rate', value: '1.8750', unit: 'km' }],
    ['per_minute', '0.6500', { kind: 'rate', value: '0.6500', unit: 'min' }],
    ['discount_percent', '7.50', { kind: 'percent', value: '7.50' }],
    ['is_active', 'false', { kind: 'boolean', value: false }],
    ['gst_exempt', 'true', { kind: 'boolean', value: true }],
    ['role', 'billing', { kind: 'role', role: 'billing' }],
    ['language', 'en', { kind: 'language', locale: 'en' }],
    ['delivery_method', 'both', { kind: 'choice', group: 'deliveryMethods', key: 'both' }],
    ['billing_cycle', 'weekly', { kind: 'choice', group: 'billingCycles', key: 'weekly' }],
    ['tariff_id', '3', { kind: 'tariff', id: 3 }],
    ['invoice_emails', '["a@b.ca", "c@d.ca"]', { kind: 'text', text: 'a@b.ca, c@d.ca' }],
    ['invoice_emails', '[]', { kind: 'empty' }],
    ['logo_png_base64', 'iVBORw0KGgo…', { kind: 'image' }],
    ['password_hash', '***', { kind: 'text', text: '***' }],
    ['grouped_client_number', '12345', { kind: 'text', text: '12345' }],
    ['created', 'Standard', { kind: 'text', text: 'Standard' }],
    ['role', 'superuser', { kind: 'text', text: 'superuser' }],
    ['base_cents', 'abc', { kind: 'text', text: 'abc' }],
    ['notes', null, { kind: 'empty' }],
  ] as const)('%s "%s" → %o', (field, value, expected) => {
    expect(describeAuditValue(field, value)).toEqual(expected);
  });
});

describe('describeAuditValue: the dues fields', () => {
  test.each([
    ['is_passenger', 'true', { kind: 'boolean', value: true }],
    ['is_dues_exempt', 'false', { kind: 'boolean', value: false }],
    ['default_billing_type', 'fixed_contract', { kind: 'choice', group: 'billingTypes', key: 'fixed_contract' }],
    ['dues_exemption', 'transit_contract', { kind: 'choice', group: 'duesExemptions', key: 'transit_contract' }],
    ['dues_exempt_from', '2026-01-01', { kind: 'text', text: '2026-01-01' }],
    ['dues_rate', '2027-01-01:100', { kind: 'duesRate', date: '2027-01-01', cents: 100 }],
    ['dues_rate', '2027-01-01:abc', { kind: 'text', text: '2027-01-01:abc' }],
  ] as const)('%s "%s" → %o', (field, value, expected) => {
    expect(describeAuditValue(field, value)).toEqual(expected);
  });
});
