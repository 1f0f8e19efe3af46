-- Records created before break_glass_targets existed (it is versioned with the access module,
-- before the record tables; this runs after all of them).
INSERT INTO break_glass_targets (record_id, record_type, organisation, defender_id, defender_erased)
SELECT id, 'defender', organisation, id, erased_at IS NOT NULL FROM defenders
UNION ALL
SELECT r.id, 'incident', r.organisation, r.defender_id, d.erased_at IS NOT NULL
FROM incident_reports r JOIN defenders d ON d.id = r.defender_id
UNION ALL
SELECT f.id, 'case-file', f.organisation, f.defender_id, d.erased_at IS NOT NULL
FROM case_files f JOIN defenders d ON d.id = f.defender_id
UNION ALL
SELECT x.id, 'referral', x.from_organisation, x.defender_id, d.erased_at IS NOT NULL
FROM referrals x JOIN defenders d ON d.id = x.defender_id
ON CONFLICT (record_id) DO NOTHING;
