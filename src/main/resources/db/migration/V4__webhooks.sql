-- Webhook subscriptions: one per integration and topic
CREATE TABLE webhook_subscription (
    id              BIGINT PRIMARY KEY,
    integration_id  BIGINT NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    topic           VARCHAR(30) NOT NULL,
    callback_url    VARCHAR(2000) NOT NULL,
    -- encrypted with the master key, like the app secret
    verify_token    VARCHAR(800) NOT NULL,
    fields          VARCHAR(1000) NOT NULL,
    active          BOOLEAN NOT NULL,
    disabled_reason VARCHAR(300),
    failing_since   TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (integration_id, topic)
);

-- The transactional outbox and delivery log. An event is written in the transaction of
-- the change that caused it; the delivery engine claims due rows with
-- FOR UPDATE SKIP LOCKED and a lease. Entries of one integration and topic waiting for
-- their first attempt are batched into one POST: the first row carries the body, the
-- others are MERGED into it.
CREATE TABLE webhook_delivery (
    id               BIGINT PRIMARY KEY,
    integration_id   BIGINT NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    topic            VARCHAR(30) NOT NULL,
    field            VARCHAR(40) NOT NULL,
    webhook_id       VARCHAR(40) NOT NULL,
    entry            TEXT NOT NULL,
    body             TEXT,
    entry_count      INTEGER NOT NULL,
    merged_into      BIGINT,
    status           VARCHAR(12) NOT NULL,
    attempt_count    INTEGER NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner      VARCHAR(40),
    lease_until      TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_status_code INTEGER,
    last_error       VARCHAR(500)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_log ON webhook_delivery (integration_id, created_at);

CREATE TABLE webhook_attempt (
    id               BIGINT PRIMARY KEY,
    delivery_id      BIGINT NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    status_code      INTEGER,
    latency_ms       BIGINT NOT NULL,
    error            VARCHAR(500),
    response_excerpt VARCHAR(4096)
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id);
