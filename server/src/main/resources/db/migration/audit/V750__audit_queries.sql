-- Read side of the audit module: what supervisors query (GET /api/audit/...). Nothing here
-- changes what is recorded or how; the tables stay insert-only for the application.

-- Every audited record with its defender and the organisation that owns it, under the record
-- types the access log names. The access log stores record ids only; this view resolves them
-- for the supervisors' queries (whose records, which defender) without copying personal data
-- into the log. A referral is owned by the sending organisation.
CREATE VIEW audited_records AS
    SELECT 'defender'::text AS record_type, id AS record_id, id AS defender_id, organisation
      FROM defenders
    UNION ALL
    SELECT 'incident', id, defender_id, organisation FROM incident_reports
    UNION ALL
    SELECT 'case-file', id, defender_id, organisation FROM case_files
    UNION ALL
    SELECT 'case-note', id, defender_id, organisation FROM case_notes
    UNION ALL
    SELECT 'referral', id, defender_id, from_organisation FROM referrals;
GRANT SELECT ON audited_records TO ${appRole};

-- The subjects of defenders' own accounts: a defender reading their own file at night is not
-- an anomaly of staff behaviour.
CREATE VIEW defender_accounts AS
    SELECT keycloak_subject AS subject FROM defenders WHERE keycloak_subject IS NOT NULL;
GRANT SELECT ON defender_accounts TO ${appRole};

-- The records each Envers revision changed, for the organisation-wide revision listing.
CREATE VIEW revised_records AS
    SELECT rev, 'defender'::text AS record_type, id AS record_id FROM defenders_aud
    UNION ALL
    SELECT rev, 'incident', id FROM incident_reports_aud
    UNION ALL
    SELECT rev, 'case-file', id FROM case_files_aud
    UNION ALL
    SELECT rev, 'case-note', id FROM case_notes_aud
    UNION ALL
    SELECT rev, 'referral', id FROM referrals_aud;
GRANT SELECT ON revised_records TO ${appRole};

-- Organisation-wide time ranges (anomalies, audit pages) and revision lookups.
CREATE INDEX access_log_organisation_at ON access_log (organisation, at);
CREATE INDEX revisions_organisation_at ON revisions (organisation, at_millis);
CREATE INDEX defenders_aud_rev ON defenders_aud (rev);
CREATE INDEX incident_reports_aud_rev ON incident_reports_aud (rev);
CREATE INDEX case_files_aud_rev ON case_files_aud (rev);
CREATE INDEX case_notes_aud_rev ON case_notes_aud (rev);
CREATE INDEX referrals_aud_rev ON referrals_aud (rev);
