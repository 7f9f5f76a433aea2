-- The billed clients exempt from the dues, a few of the clients, with their dates: every list of
-- calls to bill reads them (lib/billing/billable-calls.ts, duesJoins), and read from the table it
-- read every client. A billing list of 50 clients at a million calls spent 3.9 ms of its 10 ms
-- there. Written by hand, as 0028 (the schema builder does not express INCLUDE).
CREATE INDEX IF NOT EXISTS "clients_dues_exempt" ON "clients" USING btree ("number") INCLUDE ("dues_exempt_from", "dues_exempt_to")
  WHERE "dues_exemption" IS NOT NULL;
