-- Issue 21: work that must happen once per cluster per period (stamping and upgrading anchors)
-- runs on the instance that takes the period's lease: a conditional UPDATE that
-- succeeds for one instance only, until expires_at (docs/scaling.md, "Once per cluster").
CREATE TABLE schedule_lease (
    name         VARCHAR(100) PRIMARY KEY,
    owner        VARCHAR(200) NOT NULL,
    acquired_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO schedule_lease (name, owner, acquired_at, expires_at)
VALUES ('anchoring', '', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
