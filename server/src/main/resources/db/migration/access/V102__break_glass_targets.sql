-- The records a supervisor may break glass on, as the records themselves registered them when
-- they were created (BreakGlassGrants.Target), and whether their defender's key is gone
-- (BreakGlassGrants.TargetsErased). Written in the transaction of the change, so that
-- break-glass finds a record without asking the modules that own it.
CREATE TABLE break_glass_targets (
    record_id           uuid PRIMARY KEY,
    record_type         text NOT NULL,
    organisation        text NOT NULL,
    defender_id         uuid NOT NULL,
    defender_erased     boolean NOT NULL DEFAULT false
);
CREATE INDEX break_glass_targets_defender ON break_glass_targets (defender_id);
GRANT SELECT, INSERT, UPDATE ON break_glass_targets TO ${appRole};
