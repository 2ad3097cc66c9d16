-- Login throttling instead of a permanent lock (issue 14): a temporary lock that doubles, counted by atomic
-- UPDATEs outside the row's optimistic lock; the same for e-signature failures. Runs unchanged on PostgreSQL
-- and on H2 in PostgreSQL mode.
ALTER TABLE app_user ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE app_user ADD COLUMN last_failed_login_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE app_user ADD COLUMN temporary_locks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE app_user ADD COLUMN signing_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE app_user ADD COLUMN last_failed_signing_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE app_user ADD COLUMN signing_locked_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE app_user ADD COLUMN signing_locks INTEGER NOT NULL DEFAULT 0;

-- A lock under the old rule (permanent, which anyone could set) becomes an expired temporary one: the right
-- password works again, and the next failure locks for 15 minutes.
UPDATE app_user SET locked_until = locked_at, last_failed_login_at = locked_at WHERE locked_at IS NOT NULL;
