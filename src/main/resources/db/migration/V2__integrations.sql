-- The registry of custom integrations and bots
CREATE TABLE integration (
    id                       BIGINT PRIMARY KEY,
    app_id                   BIGINT NOT NULL UNIQUE,
    page_id                  BIGINT NOT NULL UNIQUE,
    kind                     VARCHAR(10) NOT NULL,
    name                     VARCHAR(100) NOT NULL,
    name_key                 VARCHAR(100) NOT NULL UNIQUE,
    description              VARCHAR(500) NOT NULL,
    enabled                  BOOLEAN NOT NULL,
    visible                  BOOLEAN NOT NULL,
    -- AES-GCM under the master key, never in clear
    app_secret               VARCHAR(200) NOT NULL,
    all_groups               BOOLEAN NOT NULL,
    -- normalised addresses and CIDR blocks, comma-separated; empty = any
    allowed_ips              VARCHAR(4000) NOT NULL,
    require_app_secret_proof BOOLEAN NOT NULL,
    disabled_reason          VARCHAR(20),
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE integration_permission (
    integration_id BIGINT NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    permission     VARCHAR(40) NOT NULL,
    PRIMARY KEY (integration_id, permission)
);

CREATE TABLE integration_group (
    integration_id BIGINT NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    group_id       BIGINT NOT NULL,
    PRIMARY KEY (integration_id, group_id)
);

CREATE TABLE integration_logo (
    integration_id BIGINT PRIMARY KEY REFERENCES integration (id) ON DELETE CASCADE,
    content_type   VARCHAR(20) NOT NULL,
    content        BYTEA NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- At most one live token per integration; only its SHA-256 is kept
CREATE TABLE access_token (
    integration_id BIGINT PRIMARY KEY REFERENCES integration (id) ON DELETE CASCADE,
    token_hash     VARCHAR(64) NOT NULL UNIQUE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- API calls per integration and UTC day, flushed from memory every few seconds
CREATE TABLE integration_usage (
    integration_id BIGINT NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    usage_day      DATE NOT NULL,
    request_count  BIGINT NOT NULL,
    PRIMARY KEY (integration_id, usage_day)
);
