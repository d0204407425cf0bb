-- Members' work profiles and lifecycle (accounts.md)
ALTER TABLE member ADD COLUMN first_name VARCHAR(200);
ALTER TABLE member ADD COLUMN last_name VARCHAR(200);
ALTER TABLE member ADD COLUMN title VARCHAR(200);
ALTER TABLE member ADD COLUMN department VARCHAR(200);
ALTER TABLE member ADD COLUMN division VARCHAR(200);
ALTER TABLE member ADD COLUMN organization VARCHAR(200);
ALTER TABLE member ADD COLUMN primary_phone VARCHAR(50);
ALTER TABLE member ADD COLUMN primary_address VARCHAR(500);
ALTER TABLE member ADD COLUMN locale VARCHAR(20);
ALTER TABLE member ADD COLUMN manager_id BIGINT REFERENCES member (id) ON DELETE SET NULL;
ALTER TABLE member ADD COLUMN external_id VARCHAR(200);
ALTER TABLE member ADD COLUMN invited_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE member ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
-- Several NULLs are allowed by a unique index on both H2 and PostgreSQL
CREATE UNIQUE INDEX member_external_id ON member (external_id);

-- Invitation links: single use, 14 days; only the token's SHA-256 is kept
CREATE TABLE invitation (
    token_hash VARCHAR(64) PRIMARY KEY,
    member_id  BIGINT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX invitation_member ON invitation (member_id);

-- One community per install; single_row keeps it at one row even when nodes race
CREATE TABLE community (
    id         BIGINT PRIMARY KEY,
    single_row INT NOT NULL UNIQUE,
    name       VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- "group" is a reserved word
CREATE TABLE member_group (
    id          BIGINT PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    description VARCHAR(2000) NOT NULL,
    privacy     VARCHAR(10) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE group_member (
    group_id  BIGINT NOT NULL REFERENCES member_group (id) ON DELETE CASCADE,
    member_id BIGINT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    is_admin  BOOLEAN NOT NULL,
    joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (group_id, member_id)
);
CREATE INDEX group_member_member ON group_member (member_id);

-- An author is a member or an integration's page (author_type MEMBER or PAGE), so no
-- foreign key; the name is kept as written so a feed needs no other module's tables
CREATE TABLE post (
    id          BIGINT PRIMARY KEY,
    group_id    BIGINT NOT NULL REFERENCES member_group (id) ON DELETE CASCADE,
    author_id   BIGINT NOT NULL,
    author_type VARCHAR(10) NOT NULL,
    author_name VARCHAR(200) NOT NULL,
    message     TEXT NOT NULL,
    formatting  VARCHAR(10) NOT NULL,
    link        VARCHAR(2000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX post_group_feed ON post (group_id, id);
CREATE INDEX post_author ON post (author_id);

CREATE TABLE post_comment (
    id          BIGINT PRIMARY KEY,
    post_id     BIGINT NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    parent_id   BIGINT REFERENCES post_comment (id) ON DELETE CASCADE,
    author_id   BIGINT NOT NULL,
    author_type VARCHAR(10) NOT NULL,
    author_name VARCHAR(200) NOT NULL,
    message     TEXT NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX post_comment_post ON post_comment (post_id, id);
CREATE INDEX post_comment_author ON post_comment (author_id);

-- Likes of a post or a comment (ids are unique across both)
CREATE TABLE reaction (
    object_id   BIGINT NOT NULL,
    author_id   BIGINT NOT NULL,
    author_type VARCHAR(10) NOT NULL,
    author_name VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (object_id, author_id)
);
