-- Convene server schema, version 1. Runs on PostgreSQL and on H2 in MODE=PostgreSQL.
-- Instants are epoch milliseconds (BIGINT, UTC); e-mail addresses are stored in lower case.
-- Text columns hold twice the characters the API allows, so that the API's limits (counted in
-- Unicode code points) are the only ones a valid request can meet.

CREATE TABLE users (
  id            UUID          PRIMARY KEY,
  email         VARCHAR(254)  NOT NULL,
  display_name  VARCHAR(128)  NOT NULL,
  password_hash VARCHAR(200)  NOT NULL,
  created_at    BIGINT        NOT NULL,
  CONSTRAINT users_email_unique UNIQUE (email)
);

CREATE TABLE user_preferences (
  user_id           UUID          PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  preferred_service VARCHAR(16)   NOT NULL,
  settings          VARCHAR(200000) NOT NULL,
  updated_at        BIGINT        NOT NULL
);

CREATE TABLE refresh_tokens (
  token_hash  VARCHAR(64)  PRIMARY KEY,
  user_id     UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  BIGINT       NOT NULL,
  expires_at  BIGINT       NOT NULL
);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

CREATE TABLE video_rooms (
  id              UUID          PRIMARY KEY,
  name            VARCHAR(400)  NOT NULL,
  host_id         UUID          NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  active          BOOLEAN       NOT NULL,
  max_users       INTEGER       NOT NULL,
  invite_token    VARCHAR(64)   NOT NULL,
  created_at      BIGINT        NOT NULL,
  last_active_at  BIGINT,
  CONSTRAINT video_rooms_invite_unique UNIQUE (invite_token),
  CONSTRAINT video_rooms_max_users CHECK (max_users BETWEEN 1 AND 1000)
);
CREATE INDEX video_rooms_host ON video_rooms (host_id);
CREATE INDEX video_rooms_active ON video_rooms (active, last_active_at);

CREATE TABLE calendar_events (
  id                    UUID           PRIMARY KEY,
  owner_id              UUID           NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title                 VARCHAR(400)   NOT NULL,
  description           VARCHAR(10000),
  start_at              BIGINT         NOT NULL,
  end_at                BIGINT         NOT NULL,
  time_zone             VARCHAR(64)    NOT NULL,
  service               VARCHAR(16)    NOT NULL,
  room_id               UUID           REFERENCES video_rooms (id),
  meet_link             VARCHAR(2048),
  status                VARCHAR(16)    NOT NULL,
  recurring             BOOLEAN        NOT NULL,
  recurrence_frequency  VARCHAR(8),
  recurrence_interval   INTEGER,
  recurrence_until      DATE,
  recurrence_count      INTEGER,
  -- the end of the last occurrence of a recurring event; NULL while it repeats for ever
  series_end_at         BIGINT,
  sequence              INTEGER        NOT NULL,
  created_at            BIGINT         NOT NULL,
  updated_at            BIGINT         NOT NULL,
  CONSTRAINT calendar_events_times CHECK (end_at > start_at),
  CONSTRAINT calendar_events_status
    CHECK (status IN ('SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
  CONSTRAINT calendar_events_service CHECK (service IN ('NATIVE', 'GOOGLE_MEET')),
  CONSTRAINT calendar_events_recurrence
    CHECK ((recurring AND recurrence_frequency IS NOT NULL AND recurrence_interval IS NOT NULL)
        OR (NOT recurring AND recurrence_frequency IS NULL))
);
-- The week listing: an owner's single events by start, and an owner's recurring events apart.
CREATE INDEX calendar_events_owner_start ON calendar_events (owner_id, recurring, start_at);
CREATE INDEX calendar_events_room ON calendar_events (room_id);

CREATE TABLE event_attendees (
  event_id       UUID          NOT NULL REFERENCES calendar_events (id) ON DELETE CASCADE,
  email          VARCHAR(254)  NOT NULL,
  position       INTEGER       NOT NULL,  -- the order the owner listed them in
  -- Copies of the event's columns of the same names, written with the attendees (every change of
  -- an event's times rewrites its attendees), so that a person's invitations in a week are an
  -- index range scan like the owner's events, however many invitations they had over the years.
  recurring      BOOLEAN       NOT NULL,
  start_at       BIGINT        NOT NULL,
  end_at         BIGINT        NOT NULL,
  series_end_at  BIGINT,
  PRIMARY KEY (event_id, email)
);
-- The week listing: the events a person is invited to, single ones by start, recurring ones apart.
CREATE INDEX event_attendees_email_start ON event_attendees (email, recurring, start_at);
