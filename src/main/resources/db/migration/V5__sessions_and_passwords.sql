-- A member's sessions remember the version they were signed in under; raising it (a new
-- password, a claimed invitation, a deactivation) ends every session opened before
ALTER TABLE member ADD COLUMN session_version INTEGER DEFAULT 0 NOT NULL;
