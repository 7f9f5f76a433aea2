-- The review before billing (docs/business-rules.md, Review before billing): the calls a billing
-- clerk should look at, with their reasons, written by one rule (refresh_review_flags) that every
-- writer of calls runs after its write and that the review, the billing list and generation read
-- through call_flags; the factor of a price far above the usual one in the settings.
CREATE TABLE "call_flags" (
	"call_number" bigint PRIMARY KEY NOT NULL,
	"reasons" smallint NOT NULL,
	"flagged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by" integer,
	CONSTRAINT "call_flags_reasons" CHECK ("call_flags"."reasons" between 1 and 15),
	CONSTRAINT "call_flags_approved" CHECK (("call_flags"."approved_at" is null) = ("call_flags"."approved_by" is null))
);
--> statement-breakpoint
ALTER TABLE "company_settings" ADD COLUMN "review_price_factor" smallint DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "call_flags" ADD CONSTRAINT "call_flags_call_number_calls_number_fk" FOREIGN KEY ("call_number") REFERENCES "public"."calls"("number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_flags" ADD CONSTRAINT "call_flags_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_flags_waiting" ON "call_flags" USING btree ("call_number") WHERE "call_flags"."approved_at" is null;--> statement-breakpoint
ALTER TABLE "company_settings" ADD CONSTRAINT "company_settings_review_price_factor" CHECK ("company_settings"."review_price_factor" between 2 and 50);
--> statement-breakpoint
DROP TRIGGER company_settings_audit ON company_settings;
--> statement-breakpoint
CREATE TRIGGER company_settings_audit AFTER INSERT OR UPDATE OR DELETE ON company_settings
  FOR EACH ROW EXECUTE FUNCTION audit_row_changes('settings', 'id',
    'name', 'address_line1', 'address_line2', 'city', 'province', 'postal_code', 'phone', 'email',
    'gst_number', 'qst_number', 'logo_png_base64', 'review_price_factor');
--> statement-breakpoint
-- The reasons of the calls `numbers` and of the calls of the same clients within ten minutes of
-- them (a duplicate's pair), each not invoiced nor cancelled; written in call_flags (a call
-- without a reason has no row). `is_edit`: the calls `numbers` were written, and an approval of
-- theirs no longer holds; otherwise (a client's references changed) an approval holds while the
-- reasons stay the same. Set-based, for a batch of thousands as for one call: the medians once
-- per client and tariff, the duplicates by joins on the folded addresses.
-- The reasons of a call k (bits):
--   1 a reference its client or the head of its group on its service date requires from that date
--     or before has no value on it (client_references; labels matched whatever their case);
--   2 its price is zero;
--   4 its price is above review_price_factor times the median price of its client's completed
--     calls of its tariff served in the last 90 days (Montréal's today), when there are at least
--     five of them;
--   8 another call of its client, not cancelled, is served within ten minutes before it (or at the
--     same minute, numbered before it) from the same pickup address once folded (case, accents,
--     punctuation and spaces): the later call of a pair is the one flagged.
CREATE OR REPLACE FUNCTION refresh_review_flags(numbers bigint[], is_edit boolean) RETURNS void
LANGUAGE sql AS $$
  WITH written AS (
    SELECT k.number, k.client_number, k.service_date FROM calls k WHERE k.number = ANY (numbers)
  ),
  -- The calls of the written calls' clients around their service dates, each address folded once:
  -- the pairs are found by hash joins on the client and the folded address (calls imported
  -- without a time are all at the same minute: no pair is compared one by one).
  pool AS (
    SELECT DISTINCT d.number, d.client_number, d.service_at, d.status,
           regexp_replace(fold_text(d.pickup_address), '[^a-z0-9]+', '', 'g') AS place
      FROM (SELECT DISTINCT client_number, service_date FROM written) c
      JOIN calls d ON d.client_number = c.client_number AND d.service_date BETWEEN c.service_date - 1 AND c.service_date + 1
  ),
  -- The written calls, and the later calls of their pairs (whose reason of a duplicate may change).
  targets AS (
    SELECT number FROM written
    UNION
    SELECT later.number
      FROM pool w
      JOIN pool later ON later.client_number = w.client_number AND later.place = w.place
                     AND later.service_at BETWEEN w.service_at AND w.service_at + interval '10 minutes'
     WHERE w.number IN (SELECT number FROM written)
    UNION
    -- A later call flagged as the duplicate of one whose address or time changed since.
    SELECT f.call_number FROM call_flags f JOIN pool p ON p.number = f.call_number WHERE f.reasons & 8 <> 0
  ),
  t AS (
    SELECT k.number, k.client_number, k.tariff_id, k.service_date, k.price_cents, k.reference_values
      FROM calls k JOIN targets USING (number)
     WHERE k.status <> 'cancelled'
       AND NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.call_number = k.number AND NOT l.is_void)
  ),
  settings AS (SELECT coalesce((SELECT review_price_factor FROM company_settings WHERE id = 1), 3) AS factor),
  medians AS (
    SELECT p.client_number, p.tariff_id, count(*) AS calls, percentile_cont(0.5) WITHIN GROUP (ORDER BY p.price_cents) AS median
      FROM calls p
     WHERE p.status = 'completed'
       AND p.service_date > (now() AT TIME ZONE 'America/Toronto')::date - 90
       AND (p.client_number, p.tariff_id) IN (SELECT client_number, tariff_id FROM t)
     GROUP BY p.client_number, p.tariff_id
  ),
  duplicates AS (
    SELECT DISTINCT later.number
      FROM pool later
      JOIN pool earlier ON earlier.client_number = later.client_number AND earlier.place = later.place AND earlier.status <> 'cancelled'
                       AND earlier.service_at >= later.service_at - interval '10 minutes'
                       AND (earlier.service_at < later.service_at OR (earlier.service_at = later.service_at AND earlier.number < later.number))
     WHERE later.number IN (SELECT number FROM t)
  ),
  computed AS (
    SELECT k.number,
           (CASE WHEN EXISTS (
                   SELECT 1 FROM client_references r
                    WHERE r.required_from <= k.service_date
                      AND (r.client_number = k.client_number
                           OR r.client_number = (SELECT m.head_number FROM group_memberships m
                                                  WHERE m.client_number = k.client_number AND m.valid_from <= k.service_date
                                                    AND (m.valid_to IS NULL OR k.service_date < m.valid_to)))
                      AND NOT EXISTS (SELECT 1 FROM jsonb_each_text(k.reference_values) e
                                       WHERE lower(e.key) = lower(r.label) AND btrim(e.value) <> ''))
                 THEN 1 ELSE 0 END
          | CASE WHEN k.price_cents = 0 THEN 2 ELSE 0 END
          | CASE WHEN md.calls >= 5 AND k.price_cents > s.factor * md.median THEN 4 ELSE 0 END
          | CASE WHEN k.number IN (SELECT number FROM duplicates) THEN 8 ELSE 0 END)::smallint AS reasons
      FROM t k
      CROSS JOIN settings s
      LEFT JOIN medians md ON md.client_number = k.client_number AND md.tariff_id = k.tariff_id
  ),
  cleared AS (
    DELETE FROM call_flags f
     WHERE f.call_number IN (SELECT number FROM targets)
       AND NOT EXISTS (SELECT 1 FROM computed c WHERE c.number = f.call_number AND c.reasons <> 0)
       AND NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.call_number = f.call_number AND NOT l.is_void)
  )
  INSERT INTO call_flags AS f (call_number, reasons)
  SELECT c.number, c.reasons FROM computed c WHERE c.reasons <> 0
  ON CONFLICT (call_number) DO UPDATE
     SET reasons = excluded.reasons,
         flagged_at = CASE WHEN f.reasons <> excluded.reasons OR (is_edit AND excluded.call_number = ANY (numbers)) THEN now() ELSE f.flagged_at END,
         approved_at = CASE WHEN f.reasons <> excluded.reasons OR (is_edit AND excluded.call_number = ANY (numbers)) THEN NULL ELSE f.approved_at END,
         approved_by = CASE WHEN f.reasons <> excluded.reasons OR (is_edit AND excluded.call_number = ANY (numbers)) THEN NULL ELSE f.approved_by END
$$;
--> statement-breakpoint
-- An approval is of a call not invoiced, under the billing lock (shared), as every change of a
-- call: a run bills it before or after, never while it changes.
CREATE OR REPLACE FUNCTION call_flags_guard_approval() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  invoice bigint;
BEGIN
  IF NEW.approved_at IS NOT NULL AND OLD.approved_at IS NULL THEN
    PERFORM pg_advisory_xact_lock_shared(72420002);
    SELECT i.number INTO invoice FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
     WHERE l.call_number = NEW.call_number AND NOT l.is_void LIMIT 1;
    IF invoice IS NOT NULL THEN
      RAISE EXCEPTION 'l''appel % est sur la facture % : il ne s''approuve plus', NEW.call_number, invoice
        USING ERRCODE = 'RV003', DETAIL = invoice::text;
    END IF;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER call_flags_guard_approval BEFORE UPDATE ON call_flags
  FOR EACH ROW EXECUTE FUNCTION call_flags_guard_approval();
--> statement-breakpoint
-- The calls already waiting to be billed are reviewed once, as every call written from now on.
SELECT refresh_review_flags(
  array(SELECT k.number FROM calls k
         WHERE k.status = 'completed' AND k.legacy_invoice_number IS NULL
           AND NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.call_number = k.number AND NOT l.is_void)),
  true);
