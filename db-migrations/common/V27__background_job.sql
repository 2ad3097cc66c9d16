-- Issue 21: background jobs (full audits, inspection packages) are stored, so that a page or API
-- call served by any instance shows their progress and result. The instance running a job writes
-- its progress about once a second (updated_at); a RUNNING job whose instance stopped writing is
-- shown as stopped.
CREATE TABLE background_job (
    id           VARCHAR(36)   PRIMARY KEY,
    kind         VARCHAR(40)   NOT NULL,
    subject      VARCHAR(100),
    owner        VARCHAR(100)  NOT NULL,
    instance     VARCHAR(200)  NOT NULL,
    state        VARCHAR(20)   NOT NULL,
    detail       TEXT          NOT NULL,
    result       BYTEA,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX background_job_kind_started ON background_job (kind, started_at);
