CREATE TABLE referrals (
    id                      uuid PRIMARY KEY,
    case_file_id            uuid NOT NULL REFERENCES case_files (id),
    defender_id             uuid NOT NULL REFERENCES defenders (id),
    from_organisation       text NOT NULL,
    to_organisation         text NOT NULL,
    service                 text NOT NULL,
    consent_given_on        date NOT NULL,
    consent_how             text NOT NULL,
    consent_recorded_by     text NOT NULL,
    reason                  bytea,
    expires_on              date NOT NULL,
    status                  text NOT NULL,
    created_by              text NOT NULL,
    created_at              timestamptz NOT NULL,
    decided_by              text,
    decided_at              timestamptz,
    version                 bigint NOT NULL,
    CHECK (from_organisation <> to_organisation)
);
CREATE INDEX referrals_case_file ON referrals (case_file_id);
CREATE INDEX referrals_to ON referrals (to_organisation);
GRANT SELECT, INSERT, UPDATE ON referrals TO ${appRole};

CREATE TABLE referral_shared_fields (
    referral_id             uuid NOT NULL REFERENCES referrals (id),
    field                   text NOT NULL,
    PRIMARY KEY (referral_id, field)
);
GRANT SELECT, INSERT ON referral_shared_fields TO ${appRole};

CREATE TABLE referrals_aud (
    id                          uuid NOT NULL,
    rev                         bigint NOT NULL REFERENCES revisions (id),
    revtype                     smallint,
    case_file_id                uuid,
    case_file_id_mod            boolean,
    defender_id                 uuid,
    defender_id_mod             boolean,
    from_organisation           text,
    from_organisation_mod       boolean,
    to_organisation             text,
    to_organisation_mod         boolean,
    service                     text,
    service_mod                 boolean,
    consent_given_on            date,
    consent_given_on_mod        boolean,
    consent_how                 text,
    consent_how_mod             boolean,
    consent_recorded_by         text,
    consent_recorded_by_mod     boolean,
    shared_fields_mod           boolean,
    reason                      bytea,
    reason_mod                  boolean,
    expires_on                  date,
    expires_on_mod              boolean,
    status                      text,
    status_mod                  boolean,
    created_by                  text,
    created_by_mod              boolean,
    created_at                  timestamptz,
    created_at_mod              boolean,
    decided_by                  text,
    decided_by_mod              boolean,
    decided_at                  timestamptz,
    decided_at_mod              boolean,
    PRIMARY KEY (id, rev)
);
GRANT SELECT, INSERT ON referrals_aud TO ${appRole};

CREATE TABLE referral_shared_fields_aud (
    rev                 bigint NOT NULL REFERENCES revisions (id),
    revtype             smallint,
    referral_id         uuid NOT NULL,
    field               text NOT NULL,
    PRIMARY KEY (rev, referral_id, field)
);
GRANT SELECT, INSERT ON referral_shared_fields_aud TO ${appRole};
