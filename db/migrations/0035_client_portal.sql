-- The client portal (docs/business-rules.md, Client portal): a portal user is a user of role
-- `portal` with its account (a billed client); its invitations to choose a password are e-mailed
-- through the delivery's queue, as a document without attachment.
ALTER TYPE "public"."role" ADD VALUE 'portal';--> statement-breakpoint
CREATE TABLE "portal_invitations" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"nonce" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"emailed_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_entity";--> statement-breakpoint
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_one_document";--> statement-breakpoint
ALTER TABLE "outbox_messages" ALTER COLUMN "attachment_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_messages" ALTER COLUMN "attachment_base64" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "portal_invitation_id" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "portal_client_number" integer;--> statement-breakpoint
ALTER TABLE "portal_invitations" ADD CONSTRAINT "portal_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_invitations" ADD CONSTRAINT "portal_invitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portal_invitations_user" ON "portal_invitations" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_portal_invitation_id_portal_invitations_id_fk" FOREIGN KEY ("portal_invitation_id") REFERENCES "public"."portal_invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_portal_client_number_clients_number_fk" FOREIGN KEY ("portal_client_number") REFERENCES "public"."clients"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_one_pending_invitation_email" ON "deliveries" USING btree ("portal_invitation_id") WHERE "deliveries"."channel" = 'email' and "deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "users_portal_client" ON "users" USING btree ("portal_client_number");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_entity" CHECK ("audit_log"."entity" in ('client','tariff','user','settings','payment','api_token','portal_user'));--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_one_document" CHECK (num_nonnulls("deliveries"."invoice_id", "deliveries"."statement_id", "deliveries"."portal_invitation_id") = 1);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_portal_has_account" CHECK (("users"."role"::text = 'portal') = ("users"."portal_client_number" is not null));