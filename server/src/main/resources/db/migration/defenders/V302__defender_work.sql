-- Who works with a defender, and through which record (a claimed report, a case file's
-- assignees). Written in the transaction of the record change that causes it, so the profile's
-- need-to-know decision reads it here instead of asking the modules that own those records.
-- Derived facts, not history: the records themselves are audited.
CREATE TABLE defender_work (
    record_id           uuid NOT NULL,
    subject             text NOT NULL,
    defender_id         uuid NOT NULL REFERENCES defenders (id),
    ongoing             boolean NOT NULL,
    PRIMARY KEY (record_id, subject)
);
CREATE INDEX defender_work_defender ON defender_work (defender_id, subject);
GRANT SELECT, INSERT, DELETE ON defender_work TO ${appRole};
