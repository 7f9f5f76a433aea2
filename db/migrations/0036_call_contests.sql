-- Calls contested from the client portal (docs/business-rules.md, Contested calls): one contest
-- waits for an answer at a time on a call; a contest not answered of a call not invoiced is a
-- reason of the review before billing (bit 16 of refresh_review_flags), which an approval cannot
-- pass: the clerk answers it (accepted, the call corrected; or refused, with a reason). An accepted
-- contest of an invoiced call names the credit note of its invoice that credits it. Contests and
-- answers are in the audit log under the account; the company may have each one announced by e-mail.
CREATE TYPE "public"."contest_status" AS ENUM('open', 'accepted', 'refused');--> statement-breakpoint
CREATE TABLE "call_contests" (
	"id" serial PRIMARY KEY NOT NULL,
	"call_number" bigint NOT NULL,
	"account_number" integer NOT NULL,
	"comment" text NOT NULL,
	"contested_by" integer NOT NULL,
	"contested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "contest_status" DEFAULT 'open' NOT NULL,
	"answer" text,
	"credit_note_id" bigint,
	"answered_by" integer,
	"answered_at" timestamp with time zone,
	"emailed_at" timestamp with time zone,
	CONSTRAINT "call_contests_comment_present" CHECK (length(trim("call_contests"."comment")) between 1 and 1000),
	CONSTRAINT "call_contests_answered" CHECK (("call_contests"."status" = 'open') = ("call_contests"."answered_at" is null) and ("call_contests"."answered_at" is null) = ("call_contests"."answered_by" is null)),
	CONSTRAINT "call_contests_refusal_has_reason" CHECK ("call_contests"."status" <> 'refused' or length(trim("call_contests"."answer")) between 1 and 1000),
	CONSTRAINT "call_contests_answer_length" CHECK ("call_contests"."answer" is null or length("call_contests"."answer") <= 1000),
	CONSTRAINT "call_contests_credit_note_accepted" CHECK ("call_contests"."credit_note_id" is null or "call_contests"."status" = 'accepted')
);
--> statement-breakpoint
ALTER TABLE "call_flags" DROP CONSTRAINT "call_flags_reasons";--> statement-breakpoint
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_one_document";--> statement-breakpoint
ALTER TABLE "company_settings" ADD COLUMN "is_contest_notice_emailed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "call_contest_id" integer;--> statement-breakpoint
ALTER TABLE "call_contests" ADD CONSTRAINT "call_contests_call_number_calls_number_fk" FOREIGN KEY ("call_number") REFERENCES "public"."calls"("number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_contests" ADD CONSTRAINT "call_contests_account_number_clients_number_fk" FOREIGN KEY ("account_number") REFERENCES "public"."clients"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_contests" ADD CONSTRAINT "call_contests_contested_by_users_id_fk" FOREIGN KEY ("contested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_contests" ADD CONSTRAINT "call_contests_credit_note_id_credit_notes_id_fk" FOREIGN KEY ("credit_note_id") REFERENCES "public"."credit_notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_contests" ADD CONSTRAINT "call_contests_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_contests_one_open" ON "call_contests" USING btree ("call_number") WHERE "call_contests"."status" = 'open';--> statement-breakpoint
CREATE INDEX "call_contests_call" ON "call_contests" USING btree ("call_number");--> statement-breakpoint
CREATE INDEX "call_contests_account" ON "call_contests" USING btree ("account_number","contested_at");--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_call_contest_id_call_contests_id_fk" FOREIGN KEY ("call_contest_id") REFERENCES "public"."call_contests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_one_pending_contest_email" ON "deliveries" USING btree ("call_contest_id") WHERE "deliveries"."channel" = 'email' and "deliveries"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "call_flags" ADD CONSTRAINT "call_flags_reasons" CHECK ("call_flags"."reasons" between 1 and 31);--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_one_document" CHECK (num_nonnulls("deliveries"."invoice_id", "deliveries"."statement_id", "deliveries"."portal_invitation_id", "deliveries"."call_contest_id") = 1);
--> statement-breakpoint
DROP TRIGGER company_settings_audit ON company_settings;
--> statement-breakpoint
CREATE TRIGGER company_settings_audit AFTER INSERT OR UPDATE OR DELETE ON company_settings
  FOR EACH ROW EXECUTE FUNCTION audit_row_changes('settings', 'id',
    'name', 'address_line1', 'address_line2', 'city', 'province', 'postal_code', 'phone', 'email',
    'gst_number', 'qst_number', 'logo_png_base64', 'review_price_factor', 'is_contest_notice_emailed');
--> statement-breakpoint
-- Migration 0033's rule, with one more reason:
--   16 a contest of the call from the client portal waits for the clerk's answer.
CREATE OR REPLACE FUNCTION refresh_review_flags(numbers bigint[], is_edit boolean) RETURNS void
LANGUAGE sql AS $$
  WITH written AS (
    SELECT k.number, k.client_number, k.service_date FROM calls k WHERE k.number = ANY (numbers)
  ),
  pool AS (
    SELECT DISTINCT d.number, d.client_number, d.service_at, d.status,
           regexp_replace(fold_text(d.pickup_address), '[^a-z0-9]+', '', 'g') AS place
      FROM (SELECT DISTINCT client_number, service_date FROM written) c
      JOIN calls d ON d.client_number = c.client_number AND d.service_date BETWEEN c.service_date - 1 AND c.service_date + 1
  ),
  targets AS (
    SELECT number FROM written
    UNION
    SELECT later.number
      FROM pool w
      JOIN pool later ON later.client_number = w.client_number AND later.place = w.place
                     AND later.service_at BETWEEN w.service_at AND w.service_at + interval '10 minutes'
     WHERE w.number IN (SELECT number FROM written)
    UNION
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
          | CASE WHEN k.number IN (SELECT number FROM duplicates) THEN 8 ELSE 0 END
          | CASE WHEN EXISTS (SELECT 1 FROM call_contests c WHERE c.call_number = k.number AND c.status = 'open') THEN 16 ELSE 0 END)::smallint AS reasons
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
-- An approval is of a call not invoiced, under the billing lock (shared), and not contested: a
-- contest is answered, not approved.
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
    IF NEW.reasons & 16 <> 0 THEN
      RAISE EXCEPTION 'l''appel % est contesté par le client : répondez à la contestation', NEW.call_number
        USING ERRCODE = 'RV004', DETAIL = NEW.call_number::text;
    END IF;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- An accepted contest's credit note is one of the invoice its call is on.
CREATE OR REPLACE FUNCTION call_contests_guard_credit_note() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.credit_note_id IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM credit_notes n JOIN invoice_lines l ON l.invoice_id = n.invoice_id
        WHERE n.id = NEW.credit_note_id AND l.call_number = NEW.call_number) THEN
    RAISE EXCEPTION 'la note de crédit n''est pas de la facture de l''appel %', NEW.call_number
      USING ERRCODE = 'RV005', DETAIL = NEW.call_number::text;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER call_contests_guard_credit_note BEFORE INSERT OR UPDATE OF credit_note_id ON call_contests
  FOR EACH ROW EXECUTE FUNCTION call_contests_guard_credit_note();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION call_contests_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  actor integer := nullif(current_setting('app.user_id', true), '')::integer;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (user_id, entity, entity_key, client_number, field, old_value, new_value)
      VALUES (actor, 'client', NEW.account_number::text, NEW.account_number, 'call_contest', NULL,
              NEW.call_number || ' : ' || NEW.comment);
  ELSIF OLD.status IS DISTINCT FROM NEW.status THEN
    INSERT INTO audit_log (user_id, entity, entity_key, client_number, field, old_value, new_value)
      VALUES (actor, 'client', NEW.account_number::text, NEW.account_number, 'call_contest',
              NEW.call_number || ' : ' || OLD.status::text,
              NEW.call_number || ' : ' || NEW.status::text || coalesce(' : ' || NEW.answer, ''));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER call_contests_audit AFTER INSERT OR UPDATE ON call_contests
  FOR EACH ROW EXECUTE FUNCTION call_contests_audit();
