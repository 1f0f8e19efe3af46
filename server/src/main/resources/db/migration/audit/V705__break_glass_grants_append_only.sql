-- A break-glass grant is evidence: nobody may extend it or point it at another record afterwards.
CREATE TRIGGER break_glass_grants_append_only BEFORE UPDATE OR DELETE ON sanad.break_glass_grants
    FOR EACH ROW EXECUTE FUNCTION sanad.refuse_audit_change();
CREATE TRIGGER break_glass_grants_no_truncate BEFORE TRUNCATE ON sanad.break_glass_grants
    FOR EACH STATEMENT EXECUTE FUNCTION sanad.refuse_audit_change();
