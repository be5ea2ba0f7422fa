-- What a draw published cannot change afterwards, on PGlite and PostgreSQL alike (docs/decisions/0011).
-- draws: never deleted; manifest, hash and code fixed at freeze; seed and result fixed once set; status only
-- frozen → executed, frozen → voided, executed → voided.
CREATE OR REPLACE FUNCTION draws_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'draws: a draw is never deleted (void it with a reason)' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.code <> OLD.code OR NEW.manifest <> OLD.manifest OR NEW.manifest_hash <> OLD.manifest_hash OR NEW.org_id <> OLD.org_id THEN
    RAISE EXCEPTION 'draws: a frozen manifest never changes' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.result IS NOT NULL AND (NEW.result IS DISTINCT FROM OLD.result OR NEW.seed IS DISTINCT FROM OLD.seed OR NEW.result_hash IS DISTINCT FROM OLD.result_hash) THEN
    RAISE EXCEPTION 'draws: an executed result never changes' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.status <> OLD.status AND NOT (
    (OLD.status = 'frozen' AND NEW.status IN ('executed', 'voided')) OR (OLD.status = 'executed' AND NEW.status = 'voided')
  ) THEN
    RAISE EXCEPTION 'draws: status % cannot become %', OLD.status, NEW.status USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER draws_guard BEFORE UPDATE OR DELETE ON draws FOR EACH ROW EXECUTE FUNCTION draws_guard();
--> statement-breakpoint
-- Observers: a recorded commitment or reveal never changes; rows are never deleted.
CREATE OR REPLACE FUNCTION draw_observers_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'draw_observers: never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (OLD.commitment IS NOT NULL AND NEW.commitment IS DISTINCT FROM OLD.commitment)
     OR (OLD.reveal IS NOT NULL AND NEW.reveal IS DISTINCT FROM OLD.reveal)
     OR NEW.observer_id <> OLD.observer_id OR NEW.draw_id <> OLD.draw_id THEN
    RAISE EXCEPTION 'draw_observers: a recorded commitment or reveal never changes' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER draw_observers_guard BEFORE UPDATE OR DELETE ON draw_observers FOR EACH ROW EXECUTE FUNCTION draw_observers_guard();
--> statement-breakpoint
-- External value entries and task changes are append-only; tasks are never deleted (they are cancelled or replaced).
CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER draw_external_entries_append_only BEFORE UPDATE OR DELETE ON draw_external_entries FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER task_changes_append_only BEFORE UPDATE OR DELETE ON task_changes FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER tasks_never_deleted BEFORE DELETE ON tasks FOR EACH ROW EXECUTE FUNCTION refuse_change();
