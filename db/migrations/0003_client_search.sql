ALTER TABLE "clients" ADD COLUMN "name_folded" text GENERATED ALWAYS AS (fold_text(name)) STORED;--> statement-breakpoint
CREATE INDEX "clients_name_folded_trgm" ON "clients" USING gin ("name_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "clients_name_folded" ON "clients" USING btree ("name_folded");