-- The calls waiting to be billed now carry their tariff too: a passenger trip's dues depend on
-- its tariff (Transport de personnes, exempt), so the billing list and generation read each
-- call's tariff, which the index of migration 0023 did not hold, and PostgreSQL read the table
-- itself (one heap page per call) instead of the index alone. Written by hand, as 0023.
DROP INDEX IF EXISTS "calls_billable_by_client";--> statement-breakpoint
CREATE INDEX "calls_billable_by_client" ON "calls" USING btree ("client_number", "service_date") INCLUDE ("number", "price_cents", "tariff_id")
  WHERE "status" = 'completed' AND "legacy_invoice_number" IS NULL;
