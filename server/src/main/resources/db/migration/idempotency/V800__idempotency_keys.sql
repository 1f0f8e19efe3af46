-- Idempotency keys of creating POSTs, per subject. No request or response body is stored: only a
-- keyed fingerprint of the request (HMAC under the organisation's blind-index root) and the
-- location of the record it created.
CREATE TABLE idempotency_keys (
    subject             text NOT NULL,
    idempotency_key     text NOT NULL,
    fingerprint         bytea NOT NULL,
    state               text NOT NULL,
    status              integer,
    location            text,
    created_at          timestamptz NOT NULL,
    PRIMARY KEY (subject, idempotency_key)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO ${appRole};
