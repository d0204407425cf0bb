-- A leased delivery is due again when its lease ends: the lease sets next_attempt_at to
-- that end (DeliveryRepository.lease), so a claim reads only the due range of the index.
-- lease_until said the same thing a second time; lease_owner still names the node.
ALTER TABLE webhook_delivery DROP COLUMN lease_until;
