-- Invite tokens at rest (issue 14): a room's invite token is kept as its SHA-256 hash (lower-case
-- hex; all a join needs) and sealed with AES-GCM under a key derived from the server's token
-- secret, which is not in the database (the host sees the link again, and invitation e-mail
-- carries it). Rows written before this version still hold the token in invite_token; the server
-- hashes and seals them when it starts (RoomService.sealPlaintextInviteTokens) and empties that
-- column, so no plaintext token stays. The column is kept, always NULL, for servers that have not
-- started since.
ALTER TABLE video_rooms ADD COLUMN invite_token_hash VARCHAR(64);
ALTER TABLE video_rooms ADD COLUMN invite_token_sealed VARCHAR(200);
ALTER TABLE video_rooms ALTER COLUMN invite_token DROP NOT NULL;
ALTER TABLE video_rooms ADD CONSTRAINT video_rooms_invite_hash_unique UNIQUE (invite_token_hash);
