-- Incident reports. bytea columns hold ciphertext sealed under the defender's key.
CREATE TABLE incident_reports (
    id                      uuid PRIMARY KEY,
    defender_id             uuid NOT NULL REFERENCES defenders (id),
    organisation            text NOT NULL,
    reported_by             text NOT NULL,
    reported_at             timestamptz NOT NULL,
    occurred_on             date NOT NULL,
    occurred_until          date,
    governorate             text NOT NULL,
    type                    text NOT NULL,
    severity                text NOT NULL,
    perpetrator_category    bytea,
    narrative               bytea,
    location                bytea,
    status                  text NOT NULL,
    claimed_by              text,
    case_file_id            uuid,
    version                 bigint NOT NULL
);
CREATE INDEX incident_reports_organisation ON incident_reports (organisation, reported_at);
CREATE INDEX incident_reports_defender ON incident_reports (defender_id);
GRANT SELECT, INSERT, UPDATE ON incident_reports TO ${appRole};

CREATE TABLE incident_reports_aud (
    id                          uuid NOT NULL,
    rev                         bigint NOT NULL REFERENCES revisions (id),
    revtype                     smallint,
    defender_id                 uuid,
    defender_id_mod             boolean,
    organisation                text,
    organisation_mod            boolean,
    reported_by                 text,
    reported_by_mod             boolean,
    reported_at                 timestamptz,
    reported_at_mod             boolean,
    occurred_on                 date,
    occurred_on_mod             boolean,
    occurred_until              date,
    occurred_until_mod          boolean,
    governorate                 text,
    governorate_mod             boolean,
    type                        text,
    type_mod                    boolean,
    severity                    text,
    severity_mod                boolean,
    perpetrator_category        bytea,
    perpetrator_category_mod    boolean,
    narrative                   bytea,
    narrative_mod               boolean,
    location                    bytea,
    location_mod                boolean,
    status                      text,
    status_mod                  boolean,
    claimed_by                  text,
    claimed_by_mod              boolean,
    case_file_id                uuid,
    case_file_id_mod            boolean,
    PRIMARY KEY (id, rev)
);
GRANT SELECT, INSERT ON incident_reports_aud TO ${appRole};
