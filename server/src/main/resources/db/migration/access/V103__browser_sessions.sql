-- Browser sessions (Spring Session JDBC), so that any replica serves any signed-in browser and a
-- session survives a restart. The layout is Spring Session's own for PostgreSQL. A session holds
-- the signed-in caller (subject, organisation, roles), the ID token of the login (for sign-out at
-- Keycloak; the browser client's ID token carries no name or e-mail) and the CSRF token; never an
-- access or refresh token, and never a sealed field. Attributes are read back through an
-- allow-list of classes only (see SessionSerialization).
CREATE TABLE sanad.spring_session (
    primary_id            char(36)     NOT NULL,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval int          NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON sanad.spring_session (session_id);
CREATE INDEX spring_session_ix2 ON sanad.spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON sanad.spring_session (principal_name);

CREATE TABLE sanad.spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES sanad.spring_session (primary_id) ON DELETE CASCADE
);

GRANT SELECT, INSERT, UPDATE, DELETE ON sanad.spring_session, sanad.spring_session_attributes TO ${appRole};
