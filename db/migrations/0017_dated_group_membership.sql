CREATE TABLE "group_memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_number" integer NOT NULL,
	"head_number" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_by" integer,
	"ended_at" timestamp with time zone,
	CONSTRAINT "group_memberships_period" CHECK ("group_memberships"."valid_to" is null or "group_memberships"."valid_to" > "group_memberships"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "group_memberships" ADD CONSTRAINT "group_memberships_client_number_clients_number_fk" FOREIGN KEY ("client_number") REFERENCES "public"."clients"("number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_memberships" ADD CONSTRAINT "group_memberships_head_number_clients_number_fk" FOREIGN KEY ("head_number") REFERENCES "public"."clients"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_memberships" ADD CONSTRAINT "group_memberships_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_memberships" ADD CONSTRAINT "group_memberships_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_memberships_client" ON "group_memberships" USING btree ("client_number","valid_from");--> statement-breakpoint
CREATE INDEX "group_memberships_head" ON "group_memberships" USING btree ("head_number");--> statement-breakpoint

-- A client's memberships never overlap. The client is compared as a one-number range so that the
-- exclusion needs no extension (btree_gist), on PostgreSQL and on PGlite alike.
ALTER TABLE "group_memberships" ADD CONSTRAINT "group_memberships_no_overlap"
  EXCLUDE USING gist (int4range("client_number", "client_number", '[]') WITH =, daterange("valid_from", "valid_to") WITH &&);
--> statement-breakpoint

/*
 * Existing groups become open-ended memberships from the client's first call (or its creation,
 * when earlier or without calls), so that nothing billed changes. A head is a head from the
 * earliest of its group, so that each member's period lies within its head's.
 */
INSERT INTO "group_memberships" ("client_number", "head_number", "valid_from", "created_at")
SELECT c.number, c.grouped_client_number,
       (SELECT least(min(k.service_date), min((g.created_at AT TIME ZONE 'America/Toronto')::date))
          FROM clients g LEFT JOIN calls k ON k.client_number = g.number
         WHERE g.number = c.number
            OR (c.grouped_client_number = c.number AND g.grouped_client_number = c.number)),
       c.updated_at
  FROM clients c
 WHERE c.grouped_client_number IS NOT NULL;
--> statement-breakpoint

-- The service date of a client's last call on a non-void invoice: a change of its group may not
-- reach back to it (issued invoices never change).
CREATE OR REPLACE FUNCTION last_invoiced_service_date(client integer) RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT max(k.service_date) FROM calls k
   WHERE k.client_number = client
     AND EXISTS (SELECT 1 FROM invoice_lines l WHERE l.call_number = k.number AND NOT l.is_void)
$$;
--> statement-breakpoint

/*
 * A change of clients.grouped_client_number is a change of membership taking effect on the
 * transaction's `app.membership_date` (set by the application from "En vigueur le"): the
 * open-ended membership ends that day and the new one starts. Without a date (scripts) the
 * change reaches back as far as it may, which is what the undated field did: the day after the
 * client's last invoiced call, no earlier than its last change nor than its new head's start as
 * a head. A client created with a grouped number is in that group from its creation on.
 * Refusals: RG003 before the day after the last invoiced call (DETAIL: that call's date), RG004
 * before the client's last change (DETAIL: its date), RG005 before the new head is a head
 * (DETAIL: head;date).
 */
CREATE OR REPLACE FUNCTION clients_sync_membership() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  actor integer := nullif(current_setting('app.user_id', true), '')::integer;
  effective date := nullif(current_setting('app.membership_date', true), '')::date;
  current_id integer;
  last_change date;
  last_invoiced date;
  head_from date;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.grouped_client_number IS NOT NULL THEN
      INSERT INTO group_memberships (client_number, head_number, valid_from, created_by)
        VALUES (NEW.number, NEW.grouped_client_number, '-infinity', actor);
    END IF;
    RETURN NULL;
  END IF;
  IF NEW.grouped_client_number IS NOT DISTINCT FROM OLD.grouped_client_number THEN
    RETURN NULL;
  END IF;
  -- The billing lock, shared: a change waits for a billing run in progress to commit, so that it
  -- sees the calls the run invoiced, and a run waits for the change.
  PERFORM pg_advisory_xact_lock_shared(72420002);
  SELECT id INTO current_id FROM group_memberships WHERE client_number = NEW.number AND valid_to IS NULL FOR UPDATE;
  SELECT max(greatest(valid_from, valid_to)) INTO last_change FROM group_memberships WHERE client_number = NEW.number;
  last_invoiced := last_invoiced_service_date(NEW.number);
  IF NEW.grouped_client_number IS NOT NULL AND NEW.grouped_client_number <> NEW.number THEN
    SELECT valid_from INTO head_from FROM group_memberships
     WHERE client_number = NEW.grouped_client_number AND head_number = NEW.grouped_client_number AND valid_to IS NULL;
  END IF;
  effective := coalesce(effective, greatest(last_invoiced + 1, last_change, head_from), '-infinity');

  IF effective <= last_invoiced THEN
    RAISE EXCEPTION 'le changement de groupe du client % ne peut prendre effet avant le lendemain de son dernier appel facturé (%)', NEW.number, last_invoiced
      USING ERRCODE = 'RG003', DETAIL = last_invoiced::text;
  END IF;
  IF effective < last_change THEN
    RAISE EXCEPTION 'le changement de groupe du client % ne peut prendre effet avant son dernier changement (%)', NEW.number, last_change
      USING ERRCODE = 'RG004', DETAIL = last_change::text;
  END IF;
  IF effective < head_from THEN
    RAISE EXCEPTION 'le client % est un compte regroupé seulement à partir du %', NEW.grouped_client_number, head_from
      USING ERRCODE = 'RG005', DETAIL = NEW.grouped_client_number || ';' || head_from;
  END IF;

  IF current_id IS NOT NULL THEN
    -- A second change on the same day replaces the first.
    DELETE FROM group_memberships WHERE id = current_id AND valid_from = effective;
    IF NOT FOUND THEN
      UPDATE group_memberships SET valid_to = effective, ended_by = actor, ended_at = now() WHERE id = current_id;
    END IF;
  END IF;
  IF NEW.grouped_client_number IS NOT NULL THEN
    -- Back the same day to the group just left: the earlier membership goes on.
    UPDATE group_memberships SET valid_to = NULL, ended_by = NULL, ended_at = NULL
     WHERE client_number = NEW.number AND head_number = NEW.grouped_client_number AND valid_to = effective;
    IF NOT FOUND THEN
      INSERT INTO group_memberships (client_number, head_number, valid_from, created_by)
        VALUES (NEW.number, NEW.grouped_client_number, effective, actor);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE TRIGGER clients_sync_membership AFTER INSERT OR UPDATE OF grouped_client_number ON clients
  FOR EACH ROW EXECUTE FUNCTION clients_sync_membership();
--> statement-breakpoint

/*
 * G1 and G2, dated, checked when the transaction commits (so that a file may create a group's
 * head and members in any order): a member's period lies within one period of its head as a
 * head (RG005, DETAIL: head;date), and a head's periods cover every membership with it (RG006,
 * DETAIL: the members found outside). The head's row is share-locked, as the grouping trigger
 * does, so that a head ending its period and a member joining it at the same moment wait for
 * each other and the second one sees the first.
 */
CREATE OR REPLACE FUNCTION group_memberships_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  membership group_memberships%ROWTYPE;
  head integer;
  outside text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.client_number <> OLD.head_number THEN RETURN NULL; END IF;
    head := OLD.head_number;
  ELSE
    -- The row as it is now (a later change in the same transaction has its own check).
    SELECT * INTO membership FROM group_memberships WHERE id = NEW.id;
    IF NOT FOUND THEN RETURN NULL; END IF;
    head := membership.head_number;
  END IF;
  PERFORM 1 FROM clients WHERE number = head FOR SHARE;
  IF TG_OP <> 'DELETE' AND membership.client_number <> membership.head_number THEN
    IF NOT EXISTS (SELECT 1 FROM group_memberships h
                    WHERE h.client_number = head AND h.head_number = head
                      AND daterange(h.valid_from, h.valid_to) @> daterange(membership.valid_from, membership.valid_to)) THEN
      RAISE EXCEPTION 'le client % n''est pas un compte regroupé pendant toute l''appartenance du client % (à partir du %)',
        head, membership.client_number, membership.valid_from
        USING ERRCODE = 'RG005', DETAIL = head || ';' || membership.valid_from;
    END IF;
    RETURN NULL;
  END IF;
  SELECT string_agg(DISTINCT m.client_number::text, ', ') INTO outside
    FROM group_memberships m
   WHERE m.head_number = head AND m.client_number <> head
     AND NOT EXISTS (SELECT 1 FROM group_memberships h
                      WHERE h.client_number = head AND h.head_number = head
                        AND daterange(h.valid_from, h.valid_to) @> daterange(m.valid_from, m.valid_to));
  IF outside IS NOT NULL THEN
    RAISE EXCEPTION 'le compte regroupé % a encore des membres après cette date : %', head, outside
      USING ERRCODE = 'RG006', DETAIL = outside;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE CONSTRAINT TRIGGER group_memberships_guard AFTER INSERT OR UPDATE OR DELETE ON group_memberships
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION group_memberships_guard();
