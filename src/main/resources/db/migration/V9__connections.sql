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
