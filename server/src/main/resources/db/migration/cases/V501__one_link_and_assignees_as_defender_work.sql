-- Case files' assignees before defender_work existed: they work with the defender while the
-- case file is not closed.
INSERT INTO defender_work (record_id, subject, defender_id, ongoing)
SELECT f.id, a.subject, f.defender_id, f.status <> 'CLOSED'
FROM case_files f JOIN case_file_assignees a ON a.case_file_id = f.id;

-- A report's link to its case file is kept once, on the report (incident_reports.case_file_id).
-- The history of the old second copy (case_file_incidents_aud) stays: it is part of the chain.
DROP TABLE case_file_incidents;
