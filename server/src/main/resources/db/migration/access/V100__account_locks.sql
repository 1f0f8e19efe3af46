-- Emergency lockdown. One row per account that was ever locked down; the server
-- refuses tokens of the account issued before not_before, and every token while locked is true.
-- Rows are never deleted: the application role may insert and update locks, not delete them.
CREATE TABLE sanad.account_lock (
    subject    varchar(255) PRIMARY KEY,
    not_before timestamptz  NOT NULL,
    locked     boolean      NOT NULL,
    version    bigint       NOT NULL
);

-- Who locked or unlocked an account, when, and why (an unlock needs a written reason). Insert-only
-- for the application. The reason is free text that may name people.
CREATE TABLE sanad.account_lock_change (
    id      uuid         PRIMARY KEY,
    subject varchar(255) NOT NULL REFERENCES sanad.account_lock (subject),
    kind    varchar(16)  NOT NULL CHECK (kind IN ('LOCKDOWN', 'UNLOCK')),
    actor   varchar(255) NOT NULL,
    at      timestamptz  NOT NULL,
    reason  text,
    CHECK ((kind = 'UNLOCK') = (reason IS NOT NULL)),
    CHECK (reason IS NULL OR char_length(reason) <= 2000)
);
CREATE INDEX account_lock_change_subject_at ON sanad.account_lock_change (subject, at);

GRANT SELECT, INSERT, UPDATE ON sanad.account_lock TO ${appRole};
GRANT SELECT, INSERT ON sanad.account_lock_change TO ${appRole};
