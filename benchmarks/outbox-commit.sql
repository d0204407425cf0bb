-- pgbench script (benchmarks/webhook-fanout.sh): what event intake asks of PostgreSQL for
-- one group post with four subscribers, without Patchbay: one transaction inserting a
-- post and its four outbox rows (in one multi-row INSERT, as Patchbay writes them), into
-- copies of the two tables with their indexes.
\set id random(1, 1000000000000000000)
BEGIN;
INSERT INTO bench_post VALUES (:id * 8, 1, 2, 'PAGE', 'Raiser', 'bench-1764670000000000', 'PLAIN', NULL, now(), now());
INSERT INTO bench_delivery (id, integration_id, topic, field, webhook_id, entry, entry_count, status, attempt_count, next_attempt_at, created_at)
  VALUES (:id * 8 + 1, 1, 'GROUP', 'posts', 'msg_' || :id || '_1', '{"id":"1","time":1764670000,"changes":[{"field":"posts","value":{"verb":"add","message":"bench"}}]}', 1, 'PENDING', 0, now(), now()),
  (:id * 8 + 2, 2, 'GROUP', 'posts', 'msg_' || :id || '_2', '{"id":"1","time":1764670000,"changes":[{"field":"posts","value":{"verb":"add","message":"bench"}}]}', 1, 'PENDING', 0, now(), now()),
  (:id * 8 + 3, 3, 'GROUP', 'posts', 'msg_' || :id || '_3', '{"id":"1","time":1764670000,"changes":[{"field":"posts","value":{"verb":"add","message":"bench"}}]}', 1, 'PENDING', 0, now(), now()),
  (:id * 8 + 4, 4, 'GROUP', 'posts', 'msg_' || :id || '_4', '{"id":"1","time":1764670000,"changes":[{"field":"posts","value":{"verb":"add","message":"bench"}}]}', 1, 'PENDING', 0, now(), now());
COMMIT;
