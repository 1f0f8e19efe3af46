-- The tamper-evident chain over revisions, access-log entries and crypto-shredding tombstones
--: entry hash = SHA-256(previous hash || canonical entry), appended in commit
-- order by one writer; checkpoints (size, head, time) signed with Ed25519.
CREATE TABLE audit_chain (
    seq             bigint PRIMARY KEY CHECK (seq >= 1),
    kind            text NOT NULL,
    ref             bigint NOT NULL,
    content_digest  bytea NOT NULL,
    hash            bytea NOT NULL,
    appended_at     timestamptz NOT NULL,
    UNIQUE (kind, ref)
);
GRANT SELECT, INSERT ON audit_chain TO ${appRole};

CREATE TABLE audit_checkpoints (
    size            bigint PRIMARY KEY,
    head            bytea NOT NULL,
    signed_at       timestamptz NOT NULL,
    key_id          text NOT NULL,
    signature       bytea NOT NULL
);
GRANT SELECT, INSERT ON audit_checkpoints TO ${appRole};

-- What a crypto-shredding destroyed (no key material), so that the chain records the erasure.
CREATE TABLE tombstones (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    defender_id     uuid NOT NULL,
    organisation    text NOT NULL,
    destroyed_versions integer[] NOT NULL,
    digest          text NOT NULL,
    destroyed_at    timestamptz NOT NULL
);
GRANT SELECT, INSERT ON tombstones TO ${appRole};

-- Append-only, whoever asks: the application role has no UPDATE or DELETE grant on these tables,
-- and these triggers refuse UPDATE, DELETE and TRUNCATE even to their owner. (A superuser can
-- still disable triggers; that is what the chain and its signed checkpoints are for.) Envers'
-- default audit strategy only ever inserts into history tables.
CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit records are append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOR t IN
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'sanad'
          AND (table_name LIKE '%\_aud' OR table_name IN
               ('revisions', 'access_log', 'audit_chain', 'audit_checkpoints', 'tombstones', 'account_lock_change'))
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON sanad.%I FOR EACH ROW EXECUTE FUNCTION sanad.refuse_audit_change()',
                       t || '_append_only', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON sanad.%I FOR EACH STATEMENT EXECUTE FUNCTION sanad.refuse_audit_change()',
                       t || '_no_truncate', t);
    END LOOP;
END
$$;

-- Entries waiting for the chain writer. A trigger enqueues every new revision, access-log entry
-- and tombstone in the transaction that writes it, so nothing committed can be missed; the
-- writer takes them in commit order (commit timestamps) and deletes them once chained.
CREATE TABLE audit_pending (
    kind            text NOT NULL,
    ref             bigint NOT NULL,
    PRIMARY KEY (kind, ref)
);
GRANT SELECT, INSERT, DELETE ON audit_pending TO ${appRole};

CREATE FUNCTION enqueue_for_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sanad.audit_pending (kind, ref) VALUES (TG_ARGV[0], NEW.id);
    RETURN NULL;
END
$$;

CREATE TRIGGER revisions_chain AFTER INSERT ON revisions
    FOR EACH ROW EXECUTE FUNCTION enqueue_for_chain('REVISION');
CREATE TRIGGER access_log_chain AFTER INSERT ON access_log
    FOR EACH ROW EXECUTE FUNCTION enqueue_for_chain('ACCESS');
CREATE TRIGGER tombstones_chain AFTER INSERT ON tombstones
    FOR EACH ROW EXECUTE FUNCTION enqueue_for_chain('TOMBSTONE');
