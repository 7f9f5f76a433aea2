-- Calls held back from billing (docs/business-rules.md, Held calls), and what the database holds
-- of them: a call is held only while it is not invoiced (under the billing lock, shared, as every
-- change of a call: a run bills it before or after, never while it is held), and no invoice line
-- is ever written for a held call. Holds and releases are in the audit log under the call's client.
CREATE TABLE "call_holds" (
	"call_number" bigint PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"held_by" integer NOT NULL,
	"held_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_holds_reason_present" CHECK (length(trim("call_holds"."reason")) between 1 and 500)
);
--> statement-breakpoint
ALTER TABLE "call_holds" ADD CONSTRAINT "call_holds_call_number_calls_number_fk" FOREIGN KEY ("call_number") REFERENCES "public"."calls"("number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_holds" ADD CONSTRAINT "call_holds_held_by_users_id_fk" FOREIGN KEY ("held_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION call_holds_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  invoice bigint;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(72420002);
  SELECT i.number INTO invoice FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
   WHERE l.call_number = NEW.call_number AND NOT l.is_void LIMIT 1;
  IF invoice IS NOT NULL THEN
    RAISE EXCEPTION 'l''appel % est sur la facture % : il ne peut plus être retenu', NEW.call_number, invoice
      USING ERRCODE = 'RV001', DETAIL = invoice::text;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER call_holds_guard BEFORE INSERT OR UPDATE ON call_holds
  FOR EACH ROW EXECUTE FUNCTION call_holds_guard();
--> statement-breakpoint
-- Once per statement, over the lines it wrote: a run's hundreds of thousands of lines are checked
-- in one join with the few calls held.
CREATE OR REPLACE FUNCTION invoice_lines_refuse_held() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  held bigint;
BEGIN
  SELECT n.call_number INTO held FROM new_lines n JOIN call_holds h ON h.call_number = n.call_number LIMIT 1;
  IF held IS NOT NULL THEN
    RAISE EXCEPTION 'l''appel % est retenu : il ne peut pas être facturé', held USING ERRCODE = 'RV002', DETAIL = held::text;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_refuse_held AFTER INSERT ON invoice_lines
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION invoice_lines_refuse_held();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION call_holds_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  actor integer := nullif(current_setting('app.user_id', true), '')::integer;
  hold call_holds := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  client integer := (SELECT client_number FROM calls WHERE number = hold.call_number);
BEGIN
  INSERT INTO audit_log (user_id, entity, entity_key, client_number, field, old_value, new_value)
    VALUES (actor, 'client', coalesce(client::text, hold.call_number::text), client, 'call_hold',
            CASE WHEN TG_OP = 'DELETE' THEN hold.call_number || ' : ' || hold.reason END,
            CASE WHEN TG_OP = 'INSERT' THEN hold.call_number || ' : ' || hold.reason END);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER call_holds_audit AFTER INSERT OR DELETE ON call_holds
  FOR EACH ROW EXECUTE FUNCTION call_holds_audit();
