-- Entries written before the chain existed (a database that ran an earlier version) are queued
-- too, so that the chain covers the whole audit record, oldest first.
INSERT INTO audit_pending (kind, ref)
SELECT 'REVISION', r.id FROM revisions r
WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.kind = 'REVISION' AND c.ref = r.id)
  AND NOT EXISTS (SELECT 1 FROM audit_pending p WHERE p.kind = 'REVISION' AND p.ref = r.id)
UNION ALL
SELECT 'ACCESS', a.id FROM access_log a
WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.kind = 'ACCESS' AND c.ref = a.id)
  AND NOT EXISTS (SELECT 1 FROM audit_pending p WHERE p.kind = 'ACCESS' AND p.ref = a.id)
UNION ALL
SELECT 'TOMBSTONE', t.id FROM tombstones t
WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.kind = 'TOMBSTONE' AND c.ref = t.id)
  AND NOT EXISTS (SELECT 1 FROM audit_pending p WHERE p.kind = 'TOMBSTONE' AND p.ref = t.id);
