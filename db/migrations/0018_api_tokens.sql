CREATE TYPE "public"."api_scope" AS ENUM('read', 'write');--> statement-breakpoint
CREATE TABLE "api_request_counts" (
	"token_id" integer NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "api_request_counts_token_id_minute_pk" PRIMARY KEY("token_id","minute")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scope" "api_scope" NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" integer,
	CONSTRAINT "api_tokens_secret_hash_unique" UNIQUE("secret_hash"),
	CONSTRAINT "api_tokens_name_present" CHECK (length(trim("api_tokens"."name")) between 1 and 100),
	CONSTRAINT "api_tokens_revoked_by" CHECK (("api_tokens"."revoked_at" is null) = ("api_tokens"."revoked_by" is null))
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_entity";--> statement-breakpoint
ALTER TABLE "call_status_changes" ADD COLUMN "changed_by_token" integer;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "dispatch_id" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "created_by_token" integer;--> statement-breakpoint
ALTER TABLE "api_request_counts" ADD CONSTRAINT "api_request_counts_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_status_changes" ADD CONSTRAINT "call_status_changes_changed_by_token_api_tokens_id_fk" FOREIGN KEY ("changed_by_token") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_created_by_token_api_tokens_id_fk" FOREIGN KEY ("created_by_token") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calls_dispatch_id" ON "calls" USING btree ("dispatch_id");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_entity" CHECK ("audit_log"."entity" in ('client','tariff','user','settings','payment','api_token'));--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_dispatch_id_format" CHECK ("calls"."dispatch_id" ~ '^[A-Za-z0-9._:-]{1,100}$');--> statement-breakpoint
-- A token's creation (its name), scope and revocation in the audit log, as the user who did it
-- (docs/business-rules.md, Dispatch API); its last use is not a change worth a line.
CREATE TRIGGER api_tokens_audit AFTER INSERT OR UPDATE OR DELETE ON api_tokens
  FOR EACH ROW EXECUTE FUNCTION audit_row_changes('api_token', 'prefix', 'scope', 'revoked_at');
