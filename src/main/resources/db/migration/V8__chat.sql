-- Chat threads: one to one (two members, or a member and a bot) and named group chats.
-- A participant is a member or a bot (an integration's page), so no foreign key; the
-- name is kept as it was when they joined, so a thread list needs no other module's
-- tables. activity_id orders threads by their newest message (ids are time-ordered).
CREATE TABLE chat_thread (
    id          BIGINT PRIMARY KEY,
    kind        VARCHAR(10) NOT NULL,
    name        VARCHAR(200),
    -- "lowId:highId" of a one-to-one thread, so that two members have one thread
    direct_key  VARCHAR(40) UNIQUE,
    activity_id BIGINT NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX chat_thread_activity ON chat_thread (activity_id);

-- read_up_to and delivered_up_to are message ids: the participant has read (or received)
-- every message up to that one
CREATE TABLE chat_participant (
    thread_id        BIGINT NOT NULL REFERENCES chat_thread (id) ON DELETE CASCADE,
    participant_id   BIGINT NOT NULL,
    participant_type VARCHAR(10) NOT NULL,
    name             VARCHAR(200) NOT NULL,
    joined_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    read_up_to       BIGINT NOT NULL,
    delivered_up_to  BIGINT NOT NULL,
    PRIMARY KEY (thread_id, participant_id)
);
CREATE INDEX chat_participant_threads ON chat_participant (participant_id, thread_id);

-- Attachment and quick replies as JSON; metadata is the bot's own, never shown
CREATE TABLE chat_message (
    id                  BIGINT PRIMARY KEY,
    thread_id           BIGINT NOT NULL REFERENCES chat_thread (id) ON DELETE CASCADE,
    sender_id           BIGINT NOT NULL,
    sender_type         VARCHAR(10) NOT NULL,
    sender_name         VARCHAR(200) NOT NULL,
    text                VARCHAR(2000),
    attachment          TEXT,
    quick_replies       TEXT,
    metadata            VARCHAR(1000),
    quick_reply_payload VARCHAR(1000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX chat_message_thread ON chat_message (thread_id, id);
CREATE INDEX chat_message_sender ON chat_message (sender_id);

-- What the members' event streams carry (message, read, thread, typing), per thread, so
-- that a stream on any node, or a client reconnecting with Last-Event-ID, gets it; kept
-- a day
CREATE TABLE chat_event (
    id         BIGINT PRIMARY KEY,
    thread_id  BIGINT NOT NULL,
    event_type VARCHAR(10) NOT NULL,
    data       TEXT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX chat_event_thread ON chat_event (thread_id, id);

-- A bot's Messenger profile: get started payload, greetings and persistent menu as JSON
CREATE TABLE bot_profile (
    page_id         BIGINT PRIMARY KEY,
    get_started     VARCHAR(1000),
    greeting        TEXT,
    persistent_menu TEXT,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
