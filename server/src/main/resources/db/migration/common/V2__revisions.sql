-- Envers revisions: who changed records, shared by every audited module. Insert-only for the
-- application.
CREATE TABLE revisions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at_millis       bigint NOT NULL,
    subject         text NOT NULL,
    organisation    text NOT NULL,
    client_id       text,
    request_id      text,
    purpose         text
);
GRANT SELECT, INSERT ON revisions TO ${appRole};

