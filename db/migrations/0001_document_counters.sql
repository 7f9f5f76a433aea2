-- The gapless series start at zero: the first invoice and the first credit note are number 1.
INSERT INTO "document_counters" ("kind", "last_number") VALUES ('invoice', 0), ('credit_note', 0) ON CONFLICT DO NOTHING;
