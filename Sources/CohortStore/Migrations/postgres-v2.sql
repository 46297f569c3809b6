-- The fleet's job queue (docs/fleet.md): one job per recording content, claimed by `scs fleet work`
-- with FOR UPDATE SKIP LOCKED, held by a lease its worker's heartbeat renews, parked as failed with
-- its error after too many attempts.
CREATE TABLE job (
    id BIGSERIAL PRIMARY KEY,
    path TEXT NOT NULL,
    contentSHA256 TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    worker TEXT,
    claimedAt TIMESTAMPTZ,
    heartbeatAt TIMESTAMPTZ,
    error TEXT,
    enqueuedAt TIMESTAMPTZ NOT NULL DEFAULT now(),
    doneAt TIMESTAMPTZ
);
CREATE INDEX jobOpen ON job (id) WHERE state IN ('queued', 'running');
