-- Members' personal access tokens for the member API: only the token's SHA-256 is kept
CREATE TABLE member_token (
    id           BIGINT PRIMARY KEY,
    member_id    BIGINT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    name         VARCHAR(100) NOT NULL,
    token_hash   VARCHAR(64) NOT NULL UNIQUE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX member_token_member ON member_token (member_id);
