CREATE SEQUENCE case_file_reference_seq;
GRANT USAGE ON SEQUENCE case_file_reference_seq TO ${appRole};

CREATE TABLE case_files (
    id                  uuid PRIMARY KEY,
    reference           text NOT NULL UNIQUE,
    defender_id         uuid NOT NULL REFERENCES defenders (id),
    organisation        text NOT NULL,
    status              text NOT NULL,
    legal_summary       bytea,
    next_action_on      date,
    opened_by           text NOT NULL,
    opened_at           timestamptz NOT NULL,
    version             bigint NOT NULL
);
CREATE INDEX case_files_defender ON case_files (defender_id);
GRANT SELECT, INSERT, UPDATE ON case_files TO ${appRole};

CREATE TABLE case_file_incidents (
    case_file_id        uuid NOT NULL REFERENCES case_files (id),
    incident_id         uuid NOT NULL REFERENCES incident_reports (id),
    PRIMARY KEY (case_file_id, incident_id)
);
GRANT SELECT, INSERT, DELETE ON case_file_incidents TO ${appRole};

CREATE TABLE case_file_assignees (
    case_file_id        uuid NOT NULL REFERENCES case_files (id),
    subject             text NOT NULL,
    PRIMARY KEY (case_file_id, subject)
);
GRANT SELECT, INSERT, DELETE ON case_file_assignees TO ${appRole};

CREATE TABLE case_notes (
    id                  uuid PRIMARY KEY,
    case_file_id        uuid NOT NULL REFERENCES case_files (id),
    defender_id         uuid NOT NULL REFERENCES defenders (id),
    organisation        text NOT NULL,
    author              text NOT NULL,
    written_at          timestamptz NOT NULL,
    text                bytea NOT NULL
);
CREATE INDEX case_notes_case_file ON case_notes (case_file_id, written_at);
GRANT SELECT, INSERT ON case_notes TO ${appRole};

CREATE TABLE case_files_aud (
    id                  uuid NOT NULL,
    rev                 bigint NOT NULL REFERENCES revisions (id),
    revtype             smallint,
    reference           text,
    reference_mod       boolean,
    defender_id         uuid,
    defender_id_mod     boolean,
    organisation        text,
    organisation_mod    boolean,
    incident_ids_mod    boolean,
    assignees_mod       boolean,
    status              text,
    status_mod          boolean,
    legal_summary       bytea,
    legal_summary_mod   boolean,
    next_action_on      date,
    next_action_on_mod  boolean,
    opened_by           text,
    opened_by_mod       boolean,
    opened_at           timestamptz,
    opened_at_mod       boolean,
    PRIMARY KEY (id, rev)
);
GRANT SELECT, INSERT ON case_files_aud TO ${appRole};

CREATE TABLE case_file_incidents_aud (
    rev                 bigint NOT NULL REFERENCES revisions (id),
    revtype             smallint,
    case_file_id        uuid NOT NULL,
    incident_id         uuid NOT NULL,
    PRIMARY KEY (rev, case_file_id, incident_id)
);
GRANT SELECT, INSERT ON case_file_incidents_aud TO ${appRole};

CREATE TABLE case_file_assignees_aud (
    rev                 bigint NOT NULL REFERENCES revisions (id),
    revtype             smallint,
    case_file_id        uuid NOT NULL,
    subject             text NOT NULL,
    PRIMARY KEY (rev, case_file_id, subject)
);
GRANT SELECT, INSERT ON case_file_assignees_aud TO ${appRole};

CREATE TABLE case_notes_aud (
    id                  uuid NOT NULL,
    rev                 bigint NOT NULL REFERENCES revisions (id),
    revtype             smallint,
    case_file_id        uuid,
    case_file_id_mod    boolean,
    defender_id         uuid,
    defender_id_mod     boolean,
    organisation        text,
    organisation_mod    boolean,
    author              text,
    author_mod          boolean,
    written_at          timestamptz,
    written_at_mod      boolean,
    text                bytea,
    text_mod            boolean,
    PRIMARY KEY (id, rev)
);
GRANT SELECT, INSERT ON case_notes_aud TO ${appRole};
