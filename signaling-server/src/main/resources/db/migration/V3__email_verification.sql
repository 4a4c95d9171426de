-- Convene server schema, version 3: whether an account's e-mail address is verified.
-- An account's address counts for the invitations sent to it only once its owner has followed
-- the signed link mailed to it; until then it is NULL. Accounts created before this version stay
-- unverified and can ask for a link (POST /api/auth/verification).
ALTER TABLE users ADD COLUMN email_verified_at BIGINT;
