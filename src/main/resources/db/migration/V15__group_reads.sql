-- When a member last opened a group's feed: the posts since then (not their own) are the
-- group's unread count in the member app's navigation; NULL means since they joined.
ALTER TABLE group_member ADD COLUMN read_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX post_group_time ON post (group_id, created_at);
