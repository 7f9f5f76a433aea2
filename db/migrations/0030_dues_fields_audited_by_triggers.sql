-- The dues fields of clients and tariffs (migration 0024) are audited by the database itself, as
-- every other audited column (rule G6: no path escapes it — form, import, script), rather than by
-- each path that writes them.
DROP TRIGGER clients_audit ON clients;
--> statement-breakpoint
CREATE TRIGGER clients_audit AFTER INSERT OR UPDATE OR DELETE ON clients
  FOR EACH ROW EXECUTE FUNCTION audit_row_changes('client', 'number',
    'grouped_client_number', 'name', 'contact_name', 'phone', 'address_line1', 'address_line2', 'city', 'province',
    'postal_code', 'invoice_emails', 'language', 'delivery_method', 'payment_terms_days', 'billing_cycle',
    'gst_exempt', 'gst_exemption_number', 'qst_exempt', 'qst_exemption_number', 'tariff_id', 'discount_percent',
    'is_active', 'notes', 'credit_limit_cents', 'hold_after_days_past_due', 'credit_policy', 'suspension_reason',
    'dues_exemption', 'dues_exemption_detail', 'dues_exempt_from', 'dues_exempt_to');
--> statement-breakpoint
DROP TRIGGER tariffs_audit ON tariffs;
--> statement-breakpoint
CREATE TRIGGER tariffs_audit AFTER INSERT OR UPDATE OR DELETE ON tariffs
  FOR EACH ROW EXECUTE FUNCTION audit_row_changes('tariff', 'code',
    'code', 'name', 'base_cents', 'per_km', 'per_minute', 'minimum_charge_cents', 'is_active',
    'is_passenger', 'is_dues_exempt', 'default_billing_type');
