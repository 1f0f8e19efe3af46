-- Break-glass grants: a supervisor's time-limited content access to one record of
-- their organisation. A grant is active while expires_at is in the future and ends by itself.
-- Grants are evidence: the application may insert and read them, never change or delete them.
-- The reason is free text that may name people: it is sealed (bytea) under the defender's key
-- (entity 'break-glass-grant', field 'reason', row id, defender id), never stored in plaintext.
CREATE TABLE sanad.break_glass_grants (
    id           uuid         PRIMARY KEY,
    organisation varchar(255) NOT NULL,
    supervisor   varchar(255) NOT NULL,
    record_type  varchar(32)  NOT NULL CHECK (record_type IN ('defender', 'incident', 'case-file', 'referral')),
    record_id    uuid         NOT NULL,
    defender_id  uuid         NOT NULL,
    reason       bytea        NOT NULL,
    granted_at   timestamptz  NOT NULL,
    expires_at   timestamptz  NOT NULL,
    CHECK (expires_at > granted_at AND expires_at <= granted_at + interval '60 minutes')
);
CREATE INDEX break_glass_grants_active ON sanad.break_glass_grants (record_id, supervisor, expires_at);
CREATE INDEX break_glass_grants_organisation ON sanad.break_glass_grants (organisation, granted_at);

GRANT SELECT, INSERT ON sanad.break_glass_grants TO ${appRole};
