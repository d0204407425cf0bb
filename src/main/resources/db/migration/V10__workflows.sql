-- Workflows: a trigger and ordered steps, kept as one JSON document (definition) that the
-- workflows module alone reads; trigger_type and trigger_thread_id repeat what the queries
-- look up by. The webhook URL's secret is found by its SHA-256
-- (secret_hash, unique) and kept sealed with the master key (secret) for "reveal";
-- administrative marks a workflow made in the console, whose steps may target any channel.
CREATE TABLE workflow (
    id                  BIGINT PRIMARY KEY,
    name                VARCHAR(100) NOT NULL,
    description         VARCHAR(1000),
    creator_id          BIGINT NOT NULL,
    administrative      BOOLEAN NOT NULL,
    status              VARCHAR(10) NOT NULL,
    definition          TEXT NOT NULL,
    trigger_type        VARCHAR(20) NOT NULL,
    trigger_thread_id   VARCHAR(24),
    secret_hash         VARCHAR(64) NOT NULL UNIQUE,
    secret              TEXT NOT NULL,
    version             BIGINT NOT NULL,
    failure_notified_at TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at        TIMESTAMP WITH TIME ZONE
);

CREATE INDEX workflow_creator ON workflow (creator_id, id);
-- The shortcuts of a channel, and the workflows a member joining it starts
CREATE INDEX workflow_channel_trigger ON workflow (trigger_thread_id, trigger_type);

-- Members other than the creator who may edit a workflow
CREATE TABLE workflow_collaborator (
    workflow_id BIGINT NOT NULL REFERENCES workflow (id) ON DELETE CASCADE,
    member_id   BIGINT NOT NULL,
    PRIMARY KEY (workflow_id, member_id)
);

CREATE INDEX workflow_collaborator_member ON workflow_collaborator (member_id, workflow_id);

-- The connections a workflow's API-call steps name (by name in lower case), so that
-- deleting a connection can tell which published workflows use it
CREATE TABLE workflow_connection (
    workflow_id BIGINT NOT NULL REFERENCES workflow (id) ON DELETE CASCADE,
    connection  VARCHAR(64) NOT NULL,
    PRIMARY KEY (workflow_id, connection)
);

CREATE INDEX workflow_connection_name ON workflow_connection (connection);

-- The run queue and history. A run is claimed like a webhook delivery (FOR UPDATE SKIP
-- LOCKED, then a lease); next_step and steps (the results so far, JSON) move in the same
-- transaction as each step's own writes, so a run taken over after a crash resumes after
-- its last recorded step. tester_id marks a test run and whose direct messages it uses.
CREATE TABLE workflow_run (
    id          BIGINT PRIMARY KEY,
    workflow_id BIGINT NOT NULL REFERENCES workflow (id) ON DELETE CASCADE,
    trigger     VARCHAR(20) NOT NULL,
    tester_id   BIGINT,
    variables   TEXT NOT NULL,
    status      VARCHAR(10) NOT NULL,
    next_step   INTEGER NOT NULL,
    steps       TEXT NOT NULL,
    error       VARCHAR(1000),
    queued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE,
    lease_owner VARCHAR(36),
    lease_until TIMESTAMP WITH TIME ZONE
);

CREATE INDEX workflow_run_queue ON workflow_run (status, queued_at);
CREATE INDEX workflow_run_history ON workflow_run (workflow_id, id);
CREATE INDEX workflow_run_finished ON workflow_run (finished_at);

-- Bucket4j's token buckets of the trigger rate limit, shared by the nodes of a cluster on
-- PostgreSQL (an embedded H2 keeps them in memory); expires_at lets idle buckets go
CREATE TABLE workflow_rate_bucket (
    id         BIGINT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
