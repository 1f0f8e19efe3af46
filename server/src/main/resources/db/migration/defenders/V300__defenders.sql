-- Defender profiles. Columns of type bytea hold ciphertext (format v1, crypto/FORMAT.md), sealed
-- under the defender's own key and bound to this row.
CREATE TABLE defenders (
    id                  uuid PRIMARY KEY,
    pseudonym           text NOT NULL UNIQUE,
    organisation        text NOT NULL,
    legal_name          bytea,
    other_names         bytea,
    phone               bytea,
    email               bytea,
    address             bytea,
    gender              bytea,
    protection_needs    bytea,
    emergency_contact   bytea,
    governorate         text NOT NULL,
    activity            text NOT NULL,
    risk_level          text NOT NULL,
    keycloak_subject    text UNIQUE,
    registered_by       text NOT NULL,
    registered_at       timestamptz NOT NULL,
    erased_at           timestamptz,
    version             bigint NOT NULL
);
CREATE INDEX defenders_organisation ON defenders (organisation);
GRANT SELECT, INSERT, UPDATE ON defenders TO ${appRole};

-- Envers history (ciphertext only), with a modified flag per field.
CREATE TABLE defenders_aud (
    id                      uuid NOT NULL,
    rev                     bigint NOT NULL REFERENCES revisions (id),
    revtype                 smallint,
    pseudonym               text,
    pseudonym_mod           boolean,
    organisation            text,
    organisation_mod        boolean,
    legal_name              bytea,
    legal_name_mod          boolean,
    other_names             bytea,
    other_names_mod         boolean,
    phone                   bytea,
    phone_mod               boolean,
    email                   bytea,
    email_mod               boolean,
    address                 bytea,
    address_mod             boolean,
    gender                  bytea,
    gender_mod              boolean,
    protection_needs        bytea,
    protection_needs_mod    boolean,
    emergency_contact       bytea,
    emergency_contact_mod   boolean,
    governorate             text,
    governorate_mod         boolean,
    activity                text,
    activity_mod            boolean,
    risk_level              text,
    risk_level_mod          boolean,
    keycloak_subject        text,
    keycloak_subject_mod    boolean,
    registered_by           text,
    registered_by_mod       boolean,
    registered_at           timestamptz,
    registered_at_mod       boolean,
    erased_at               timestamptz,
    erased_at_mod           boolean,
    PRIMARY KEY (id, rev)
);
GRANT SELECT, INSERT ON defenders_aud TO ${appRole};
