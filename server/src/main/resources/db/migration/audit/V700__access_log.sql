-- Who read what: one row per disclosure of content, search, history read, export,
-- break-glass, lockdown or erasure. Names records and fields, never values.
CREATE TABLE access_log (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at              timestamptz NOT NULL,
    actor           text NOT NULL,
    organisation    text NOT NULL,
    action          text NOT NULL,
    record_type     text NOT NULL,
    record_id       uuid,
    fields          text[] NOT NULL,
    purpose         text NOT NULL,
    request_id      text
);
CREATE INDEX access_log_record ON access_log (record_id, at);
CREATE INDEX access_log_actor ON access_log (organisation, actor, at);
GRANT SELECT, INSERT ON access_log TO ${appRole};
