-- Refresh token families (issue 14). Every sign-in starts a family; each refresh spends its token
-- (spent_at) and adds the next one to the family. A spent token presented again revokes the whole
-- family, unless it comes within the refresh grace once (grace_used), for a client whose refresh
-- response was lost. The family id is also the sign-in session of the access tokens ("sid"), so
-- that signing out closes that session's sockets. Rows from before this migration become
-- families of one.
ALTER TABLE refresh_tokens ADD COLUMN family_id VARCHAR(64);
UPDATE refresh_tokens SET family_id = token_hash;
ALTER TABLE refresh_tokens ALTER COLUMN family_id SET NOT NULL;
ALTER TABLE refresh_tokens ADD COLUMN spent_at BIGINT;
ALTER TABLE refresh_tokens ADD COLUMN grace_used BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
