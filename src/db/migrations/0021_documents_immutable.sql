-- An issued document never changes and is never deleted (decision 0023): only voiding may touch it, once, and only
-- its status and void columns. A proof of service (送达) is append-only. refuse_change() comes from 0012.
CREATE OR REPLACE FUNCTION documents_only_void() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'documents are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status = 'voided'
     OR NEW.status <> 'voided'
     OR (to_jsonb(NEW) - 'status' - 'void_reason' - 'voided_at' - 'voided_by')
        IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'void_reason' - 'voided_at' - 'voided_by') THEN
    RAISE EXCEPTION 'an issued document can only be voided' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER documents_only_void BEFORE UPDATE OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION documents_only_void();
--> statement-breakpoint
CREATE TRIGGER document_services_append_only BEFORE UPDATE OR DELETE ON document_services FOR EACH ROW EXECUTE FUNCTION refuse_change();
