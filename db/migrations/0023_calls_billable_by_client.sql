-- The calls waiting to be billed, by client and service date, carrying what the billing list
-- and generation read of them (number and price): a range of clients is read from the index
-- alone (an index-only scan) instead of one heap page per call, the calls of a client being
-- spread over the table in the order they were taken. Written by hand: the schema builder does
-- not express INCLUDE.
CREATE INDEX "calls_billable_by_client" ON "calls" USING btree ("client_number", "service_date") INCLUDE ("number", "price_cents")
  WHERE "status" = 'completed' AND "legacy_invoice_number" IS NULL;
