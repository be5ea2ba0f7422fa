-- A submitted inspection record and a 协办's confirmation never change and are never deleted (decision 0020): a
-- correction is a new version. refuse_change() comes from 0012.
CREATE TRIGGER inspection_records_append_only BEFORE UPDATE OR DELETE ON inspection_records FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER record_confirmations_append_only BEFORE UPDATE OR DELETE ON record_confirmations FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER outbox_messages_never_deleted BEFORE DELETE ON outbox_messages FOR EACH ROW EXECUTE FUNCTION refuse_change();
