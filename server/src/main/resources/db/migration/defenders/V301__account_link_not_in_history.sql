-- The link from a defender profile to their Keycloak account is not history: after an erasure
-- nothing may tie the pseudonym to the person's account (and so to their name and e-mail).
ALTER TABLE defenders_aud DROP COLUMN keycloak_subject, DROP COLUMN keycloak_subject_mod;
