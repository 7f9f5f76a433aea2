ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- A user's sessions end when their password changes or they are deactivated (docs/business-rules.md,
-- Roles and permissions): each session carries the version it was opened with, read with the user
-- on every request, and a new version refuses them all. Raised here rather than by each path that
-- changes a password (the administrator's reset, a script, psql), so that none of them forgets it;
-- a deactivated user reactivated later does not get the sessions of before back.
CREATE OR REPLACE FUNCTION users_end_sessions() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.password_hash IS DISTINCT FROM OLD.password_hash OR (OLD.is_active AND NOT NEW.is_active) THEN
    NEW.session_version := OLD.session_version + 1;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_end_sessions BEFORE UPDATE OF password_hash, is_active ON users
  FOR EACH ROW EXECUTE FUNCTION users_end_sessions();
