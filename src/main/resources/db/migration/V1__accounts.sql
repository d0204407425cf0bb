-- Members and administrators (an administrator is a member holding admin permissions)
CREATE TABLE member (
    id            BIGINT PRIMARY KEY,
    email         VARCHAR(320),
    email_key     VARCHAR(320) UNIQUE,
    name          VARCHAR(200) NOT NULL,
    password_hash VARCHAR(200),
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE admin_permission (
    member_id  BIGINT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    permission VARCHAR(40) NOT NULL,
    PRIMARY KEY (member_id, permission)
);

-- Who did what to which object, when, from where; never a secret
CREATE TABLE audit_entry (
    id          BIGINT PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id    BIGINT,
    actor_name  VARCHAR(320) NOT NULL,
    action      VARCHAR(80) NOT NULL,
    object_type VARCHAR(40),
    object_id   VARCHAR(40),
    object_name VARCHAR(200),
    details     VARCHAR(2000),
    ip          VARCHAR(64)
);
CREATE INDEX audit_entry_occurred_at ON audit_entry (occurred_at);
