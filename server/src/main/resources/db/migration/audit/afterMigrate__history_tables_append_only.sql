-- After every migration run: any Envers history table (*_aud) without the append-only triggers
-- gets them, so that a history table added by a later migration is append-only even if that
-- migration forgot to say so (V701 covered only the tables that existed then). Idempotent.
DO $$
DECLARE
    t text;
BEGIN
    FOR t IN
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'sanad' AND c.relkind = 'r' AND c.relname LIKE '%\_aud'
           AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = c.relname || '_append_only')
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON sanad.%I FOR EACH ROW EXECUTE FUNCTION sanad.refuse_audit_change()',
                       t || '_append_only', t);
    END LOOP;
    FOR t IN
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'sanad' AND c.relkind = 'r' AND c.relname LIKE '%\_aud'
           AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = c.relname || '_no_truncate')
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON sanad.%I FOR EACH STATEMENT EXECUTE FUNCTION sanad.refuse_audit_change()',
                       t || '_no_truncate', t);
    END LOOP;
END
$$;
