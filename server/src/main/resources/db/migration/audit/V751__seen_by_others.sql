-- "Who has seen my file": a defender reads the access-log entries about their own records.
-- Staff appear there under a pseudonymous code and their role, never their account: the code is
-- given the first time a staff member's access is logged, and never changes.
CREATE TABLE staff_codes (
    subject text PRIMARY KEY,
    code    text NOT NULL UNIQUE,
    role    text NOT NULL
);
GRANT SELECT, INSERT ON staff_codes TO ${appRole};

-- The records of each defender who has an account, by the record types the access log names.
CREATE VIEW defender_records AS
    SELECT d.keycloak_subject AS subject, d.id AS defender_id, r.record_type, r.record_id
      FROM audited_records r JOIN defenders d ON d.id = r.defender_id
     WHERE d.keycloak_subject IS NOT NULL;
GRANT SELECT ON defender_records TO ${appRole};
