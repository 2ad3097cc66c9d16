-- The sponsor's results draft of a trial, saved section by section from the results entry pages:
-- JSON of a results record (trialledger.results/1). Not a ledger artifact: only a submitted results
-- version is. One draft per trial; revision guards against two saves overwriting each other.
CREATE TABLE results_draft (
    trial_id     BIGINT        NOT NULL PRIMARY KEY REFERENCES trial (id),
    record_json  VARCHAR(1000000) NOT NULL,
    saved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    saved_by     VARCHAR(64)   NOT NULL,
    revision     INTEGER       NOT NULL
);
