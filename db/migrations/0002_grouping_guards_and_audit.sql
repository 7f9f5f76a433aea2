-- Trigram indexes serve the "contains" searches of clients (and later calls).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint

-- Accent- and case-insensitive form of a text, for search: "Côté" and "COTE" both give "cote".
-- Immutable (no dictionary involved) so that it can be stored and indexed.
CREATE OR REPLACE FUNCTION fold_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
  SELECT replace(replace(replace(replace(lower(translate(value,
    'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿ’‘',
    'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOoooooUUUUuuuuYyy''''')),
    'œ', 'oe'), 'æ', 'ae'), 'Œ', 'oe'), 'Æ', 'ae')
$$;
--> statement-breakpoint

/*
 * Grouping rules the foreign key clients_grouped_client_is_head cannot express:
 * - a client can only join the group of an active head (the head row is share-locked, so a
 *   deactivation running at the same moment waits for this transaction, or is seen by it);
 * - G2: a head that still has members cannot be deactivated; the error lists the members.
 * Errors carry SQLSTATE RG001 / RG002 for the application to explain them.
 */
CREATE OR REPLACE FUNCTION clients_guard_grouping() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  head_is_active boolean;
  member_list text;
BEGIN
  IF NEW.grouped_client_number IS NOT NULL
     AND NEW.grouped_client_number <> NEW.number
     AND (TG_OP = 'INSERT' OR NEW.grouped_client_number IS DISTINCT FROM OLD.grouped_client_number) THEN
    SELECT is_active INTO head_is_active FROM clients WHERE number = NEW.grouped_client_number FOR SHARE;
    IF head_is_active IS FALSE THEN
      RAISE EXCEPTION 'le compte regroupé % est inactif', NEW.grouped_client_number
        USING ERRCODE = 'RG001', DETAIL = NEW.grouped_client_number::text;
    END IF;
  END IF;

  IF TG_OP = 'UPDATE' AND OLD.is_active AND NOT NEW.is_active AND OLD.grouped_client_number = OLD.number THEN
    SELECT string_agg(number::text, ', ' ORDER BY number) INTO member_list
      FROM clients WHERE grouped_client_number = OLD.number AND number <> OLD.number;
    IF member_list IS NOT NULL THEN
      RAISE EXCEPTION 'le compte regroupé % a encore des membres : %', OLD.number, member_list
        USING ERRCODE = 'RG002', DETAIL = member_list;
    END IF;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint

CREATE TRIGGER clients_guard_grouping BEFORE INSERT OR UPDATE ON clients
  FOR EACH ROW EXECUTE FUNCTION clients_guard_grouping();
--> statement-breakpoint

/*
 * G6: every change of an audited table is written to audit_log by the database itself, so
 * that no path (form, bulk action, import, script) escapes it. The acting user is the
 * transaction's `app.user_id` setting (set by the application; empty for scripts).
 * Arguments: entity, key column, then the audited columns.
 */
CREATE OR REPLACE FUNCTION audit_row_changes() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  entity text := TG_ARGV[0];
  key_column text := TG_ARGV[1];
  old_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN '{}'::jsonb ELSE to_jsonb(OLD) END;
  new_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN '{}'::jsonb ELSE to_jsonb(NEW) END;
  actor integer := nullif(current_setting('app.user_id', true), '')::integer;
  row_key text := coalesce(new_row ->> key_column, old_row ->> key_column);
  client integer := CASE WHEN entity = 'client' THEN row_key::integer END;
  col text;
  masked boolean;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (user_id, entity, entity_key, client_number, field, old_value, new_value)
      VALUES (actor, entity, row_key, client, 'created', NULL, coalesce(new_row ->> 'name', row_key));
    IF entity = 'client' AND new_row ->> 'grouped_client_number' IS NOT NULL THEN
      INSERT INTO audit_log (user_id, entity, entity_key, client_number, field, old_value, new_value)
        VALUES (actor, entity, row_key, client, 'grouped_client_number', NULL, new_row ->> 'grouped_client_number');
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    INSERT INTO audit_log (user_id, entity, entity_key, client_number, field, old_value, new_value)
      VALUES (actor, entity, row_key, client, 'deleted', coalesce(old_row ->> 'name', row_key), NULL);
    RETURN NULL;
  END IF;
  FOR i IN 2 .. TG_NARGS - 1 LOOP
    col := TG_ARGV[i];
    IF (old_row -> col) IS DISTINCT FROM (new_row -> col) THEN
      masked := col = 'password_hash';
      INSERT INTO audit_log (user_id, entity, entity_key, client_number, field, old_value, new_value)
        VALUES (actor, entity, row_key, client, col,
                CASE WHEN masked THEN '***' ELSE old_row ->> col END,
                CASE WHEN masked THEN '***' ELSE new_row ->> col END);
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE TRIGGER clients_audit AFTER INSERT OR UPDATE OR DELETE ON clients
  FOR EACH ROW EXECUTE FUNCTION audit_row_changes('client', 'number',
    'grouped_client_number', 'name', 'contact_name', 'phone', 'address_line1', 'address_line2', 'city', 'province',
    'postal_code', 'invoice_emails', 'language', 'delivery_method', 'payment_terms_days', 'billing_cycle',
    'gst_exempt', 'gst_exemption_number', 'qst_exempt', 'qst_exemption_number', 'tariff_id', 'discount_percent',
    'is_active', 'notes');
--> statement-breakpoint

CREATE TRIGGER tariffs_audit AFTER INSERT OR UPDATE OR DELETE ON tariffs
  FOR EACH ROW EXECUTE FUNCTION audit_row_changes('tariff', 'code',
    'code', 'name', 'base_cents', 'per_km', 'per_minute', 'minimum_charge_cents', 'is_active');
--> statement-breakpoint

CREATE TRIGGER users_audit AFTER INSERT OR UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION audit_row_changes('user', 'email',
    'email', 'name', 'role', 'is_active', 'password_hash');
--> statement-breakpoint

CREATE TRIGGER company_settings_audit AFTER INSERT OR UPDATE OR DELETE ON company_settings
  FOR EACH ROW EXECUTE FUNCTION audit_row_changes('settings', 'id',
    'name', 'address_line1', 'address_line2', 'city', 'province', 'postal_code', 'phone', 'email',
    'gst_number', 'qst_number', 'logo_png_base64');
