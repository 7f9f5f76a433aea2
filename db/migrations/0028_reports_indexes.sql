-- What the dues return reads over a year without reading every call and every invoice line.
-- Written by hand, as 0023 and 0027 (the schema builder does not express INCLUDE).
-- The completed calls not imported as billed, by number with their service date: the calls of a
-- period waiting to be billed are found by merging it with the non-void invoice lines' index
-- (invoice_lines_call_once), both read in call-number order, instead of hashing every line.
CREATE INDEX IF NOT EXISTS "calls_completed_number" ON "calls" USING btree ("number") INCLUDE ("service_date")
  WHERE "status" = 'completed' AND "legacy_invoice_number" IS NULL;--> statement-breakpoint
-- The passenger trips invoiced without dues (exempt, or no rate), a few of the lines: the return's
-- exempt trips by reason read them alone.
CREATE INDEX IF NOT EXISTS "invoice_lines_passenger_without_dues" ON "invoice_lines" USING btree ("invoice_id") INCLUDE ("service_date")
  WHERE "is_passenger" AND "dues_cents" = 0;
