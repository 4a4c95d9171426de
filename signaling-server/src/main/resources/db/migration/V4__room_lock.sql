-- Host controls (issue 14): a room's host may lock it, so that nobody but the host joins its call
-- until it is unlocked; participants already in the call, and those coming back with a resume
-- token, stay.
ALTER TABLE video_rooms ADD COLUMN locked BOOLEAN DEFAULT FALSE NOT NULL;
