ALTER TABLE "invoices" ADD COLUMN "issuer_name" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "issuer_address_line1" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "issuer_address_line2" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "issuer_city" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "issuer_province" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "issuer_postal_code" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "issuer_phone" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "issuer_email" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "issuer_gst_number" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "issuer_qst_number" text;