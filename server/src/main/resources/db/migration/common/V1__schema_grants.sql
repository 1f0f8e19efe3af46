-- The server connects as ${appRole}; it may use the schema but owns nothing in it. Each module's
-- migrations grant it exactly what it needs on their own tables (no blanket default privileges,
-- so that history and audit tables can stay insert-only).
GRANT USAGE ON SCHEMA sanad TO ${appRole};
