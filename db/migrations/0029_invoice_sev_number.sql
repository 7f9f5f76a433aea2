-- An invoice's SEV bill number: a certified sales recording system may bill a contract's trips by
-- billing period under one number, which every trip then carries; generation keeps it on the
-- invoice, printed once.
ALTER TABLE "invoices" ADD COLUMN "sev_number" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_sev_number" CHECK ("invoices"."sev_number" is null or "invoices"."sev_number" ~ '^[A-Za-z0-9._:/-]{1,40}$');
