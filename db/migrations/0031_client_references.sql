-- Required references (docs/business-rules.md, Required references): the rules of a client,
-- the values a call carries, and the values an invoice line keeps as at generation.
CREATE TABLE "client_references" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_number" integer NOT NULL,
	"label" text NOT NULL,
	"format" text,
	"example" text,
	"allowed_values" text[] DEFAULT '{}'::text[] NOT NULL,
	"required_from" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_references_label_present" CHECK (length(trim("client_references"."label")) between 1 and 60),
	CONSTRAINT "client_references_format_with_example" CHECK (("client_references"."format" is null) = ("client_references"."example" is null)),
	CONSTRAINT "client_references_format_length" CHECK ("client_references"."format" is null or length("client_references"."format") between 1 and 60)
);
--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "reference_values" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "reference_values" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "client_references" ADD CONSTRAINT "client_references_client_number_clients_number_fk" FOREIGN KEY ("client_number") REFERENCES "public"."clients"("number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "client_references_label" ON "client_references" USING btree ("client_number",lower("label"));--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_reference_values_object" CHECK (jsonb_typeof("calls"."reference_values") = 'object');--> statement-breakpoint
-- A client's required references are audited by the database itself (rule G6), under the
-- client: one row for each reference added, changed or removed, its whole rule as text.
CREATE OR REPLACE FUNCTION client_reference_text(r client_references) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT r.label
    || CASE WHEN r.format IS NOT NULL THEN ' · format ' || r.format || ' (ex. ' || r.example || ')' ELSE '' END
    || CASE WHEN cardinality(r.allowed_values) > 0 THEN ' · valeurs : ' || array_to_string(r.allowed_values, ', ') ELSE '' END
    || ' · requise dès le ' || r.required_from::text
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION client_references_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  actor integer := nullif(current_setting('app.user_id', true), '')::integer;
  client integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.client_number ELSE NEW.client_number END;
  before text := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE client_reference_text(OLD) END;
  after text := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE client_reference_text(NEW) END;
BEGIN
  IF before IS DISTINCT FROM after THEN
    INSERT INTO audit_log (user_id, entity, entity_key, client_number, field, old_value, new_value)
      VALUES (actor, 'client', client::text, client, 'required_reference', before, after);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER client_references_audit AFTER INSERT OR UPDATE OR DELETE ON client_references
  FOR EACH ROW EXECUTE FUNCTION client_references_audit();
