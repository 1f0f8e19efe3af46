-- Reports claimed before defender_work existed: their claimant works with the defender.
INSERT INTO defender_work (record_id, subject, defender_id, ongoing)
SELECT id, claimed_by, defender_id, true FROM incident_reports WHERE claimed_by IS NOT NULL;
