-- `Sous-totaux par` (docs/business-rules.md, Required references): one reference of a billed
-- client subtotals its invoices' member blocks; the invoice keeps the label it was issued with.
ALTER TABLE "client_references" ADD COLUMN "is_subtotal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "subtotal_label" text;--> statement-breakpoint
CREATE UNIQUE INDEX "client_references_one_subtotal" ON "client_references" USING btree ("client_number") WHERE "client_references"."is_subtotal";--> statement-breakpoint
ALTER TABLE "client_references" ADD CONSTRAINT "client_references_label_separators" CHECK (strpos("client_references"."label", chr(58)) = 0 and strpos("client_references"."label", chr(59)) = 0);--> statement-breakpoint
-- `Sous-totaux par` is part of a reference's rule as the audit log shows it.
CREATE OR REPLACE FUNCTION client_reference_text(r client_references) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT r.label
    || CASE WHEN r.format IS NOT NULL THEN ' · format ' || r.format || ' (ex. ' || r.example || ')' ELSE '' END
    || CASE WHEN cardinality(r.allowed_values) > 0 THEN ' · valeurs : ' || array_to_string(r.allowed_values, ', ') ELSE '' END
    || ' · requise dès le ' || r.required_from::text
    || CASE WHEN r.is_subtotal THEN ' · sous-totaux par cette référence' ELSE '' END
$$;
