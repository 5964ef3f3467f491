DROP TABLE sync_job_slots;
DROP TABLE sync_outbox;
DROP TABLE sync_targets;
