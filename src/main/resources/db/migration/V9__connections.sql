-- Connections: the credentials of external services. name_key (the name in lower case)
-- keeps names unique whatever their case; the secret fields are one JSON document
-- encrypted with the master key, bound to the row's id.
CREATE TABLE connection (
    id             BIGINT PRIMARY KEY,
    name           VARCHAR(64) NOT NULL,
    name_key       VARCHAR(64) NOT NULL UNIQUE,
    type           VARCHAR(10) NOT NULL,
    allowed_domain VARCHAR(130) NOT NULL,
    header_name    VARCHAR(128),
    credentials    TEXT NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     VARCHAR(200) NOT NULL,
    last_used_at   TIMESTAMP WITH TIME ZONE,
    last_used_by   VARCHAR(200)
);

-- OAuth 2.0 clients: what an external system issued; the secret sealed like the
-- connections' credentials
CREATE TABLE oauth_client (
    id                    BIGINT PRIMARY KEY,
    name                  VARCHAR(64) NOT NULL,
    name_key              VARCHAR(64) NOT NULL UNIQUE,
    client_id             VARCHAR(500) NOT NULL,
    client_secret         TEXT NOT NULL,
    grant_type            VARCHAR(20) NOT NULL,
    authorization_url     VARCHAR(2000),
    token_url             VARCHAR(2000) NOT NULL,
    default_scopes        VARCHAR(1000) NOT NULL,
    client_authentication VARCHAR(30) NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE connection ADD COLUMN oauth_client_id BIGINT REFERENCES oauth_client (id);
ALTER TABLE connection ADD COLUMN scopes VARCHAR(1000);

-- The tokens of an OAUTH2 connection (sealed). version grows with each refresh, so that a
-- 401 refreshes only the token that got it; refresh_lease_until is the cluster-wide
-- single-flight lock of a refresh (a node holds it while it calls the token endpoint).
CREATE TABLE oauth_token (
    connection_id       BIGINT PRIMARY KEY REFERENCES connection (id) ON DELETE CASCADE,
    access_token        TEXT NOT NULL,
    refresh_token       TEXT,
    token_type          VARCHAR(40) NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE,
    granted_scopes      VARCHAR(255),
    status              VARCHAR(30) NOT NULL,
    failures            INTEGER NOT NULL,
    last_error          VARCHAR(500),
    version             BIGINT NOT NULL,
    refresh_lease_until TIMESTAMP WITH TIME ZONE,
    refreshed_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Authorization-code flows under way: the state's SHA-256 (the state itself is only in
-- the administrator's browser), the PKCE verifier sealed, expiring after 10 minutes
CREATE TABLE oauth_authorization (
    state_hash      VARCHAR(64) PRIMARY KEY,
    connection_name VARCHAR(64) NOT NULL,
    allowed_domain  VARCHAR(130) NOT NULL,
    oauth_client_id BIGINT NOT NULL REFERENCES oauth_client (id) ON DELETE CASCADE,
    scopes          VARCHAR(1000),
    code_verifier   TEXT NOT NULL,
    created_by      VARCHAR(200) NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
