-- The application may not drop entries from the chain's queue: it loses DELETE on audit_pending
-- and may only release entries that are already in the chain, through a function that runs as
-- the owner. An entry kept off the chain would otherwise go unnoticed by the verifier, which
-- walks the chain.
REVOKE DELETE ON audit_pending FROM ${appRole};

CREATE FUNCTION release_chained() RETURNS integer
    LANGUAGE sql SECURITY DEFINER SET search_path = sanad, pg_temp AS $$
    WITH released AS (
        DELETE FROM sanad.audit_pending p USING sanad.audit_chain c
        WHERE c.kind = p.kind AND c.ref = p.ref
        RETURNING 1
    )
    SELECT count(*)::integer FROM released
$$;
REVOKE ALL ON FUNCTION release_chained() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION release_chained() TO ${appRole};
