-- Every call must also carry appsecret_time, so that a captured proof expires
ALTER TABLE integration ADD COLUMN require_app_secret_time BOOLEAN DEFAULT FALSE NOT NULL;

-- The group a group-topic entry is about, so that a delivery can be checked against the
-- integration's group access again when it is sent; null for other topics
ALTER TABLE webhook_delivery ADD COLUMN group_id BIGINT;

-- A retried batch finds its entries to check them again
CREATE INDEX webhook_delivery_merged ON webhook_delivery (merged_into);
