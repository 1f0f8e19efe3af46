-- A revision made through break-glass names the grant (the revision names, "for break-glass, the
-- reason"). The reason itself stays sealed in break_glass_grants under the defender's key, so
-- that it is crypto-shredded with the defender and never sits in plaintext in the history.
ALTER TABLE revisions ADD COLUMN break_glass_grant uuid;
ALTER TABLE revisions ADD CONSTRAINT revisions_break_glass_purpose
    CHECK ((break_glass_grant IS NULL) = (purpose IS DISTINCT FROM 'break-glass'));
