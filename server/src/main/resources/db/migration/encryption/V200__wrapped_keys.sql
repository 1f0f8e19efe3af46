-- Data keys and blind-index roots, wrapped by the KEK (which is never in the database).
-- Not audited, really deleted on crypto-shredding.
CREATE TABLE wrapped_keys (
    purpose         text NOT NULL,
    organisation    text NOT NULL,
    owner           uuid NOT NULL,
    version         integer NOT NULL CHECK (version >= 1),
    state           text NOT NULL,
    kek_id          text NOT NULL,
    kek_version     integer NOT NULL,
    wrapped         bytea NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (purpose, organisation, owner, version)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON wrapped_keys TO ${appRole};

-- Blind indexes for exact-match search. Not audited: deleted on shredding.
CREATE TABLE blind_indexes (
    organisation    text NOT NULL,
    entity          text NOT NULL,
    field           text NOT NULL,
    value           bytea NOT NULL,
    row_id          uuid NOT NULL,
    defender_id     uuid NOT NULL,
    PRIMARY KEY (organisation, entity, field, row_id)
);
CREATE INDEX blind_indexes_lookup ON blind_indexes (organisation, entity, field, value);
CREATE INDEX blind_indexes_defender ON blind_indexes (defender_id);
GRANT SELECT, INSERT, DELETE ON blind_indexes TO ${appRole};
