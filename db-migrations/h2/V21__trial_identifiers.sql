-- Identifiers the public search matches exactly (issue 17): the acronym and the secondary ids (NCT,
-- EudraCT, sponsor protocol numbers) of the published version, upper-cased; the registry id is
-- matched on trial.registry_id itself. Filled at publication from the version's record.
CREATE TABLE trial_identifier (
    trial_id    BIGINT       NOT NULL REFERENCES trial (id),
    identifier  VARCHAR(200) NOT NULL,
    PRIMARY KEY (trial_id, identifier)
);
CREATE INDEX trial_identifier_idx ON trial_identifier (identifier, trial_id);

-- Trials published before this version (H2 has no JSON functions to read their secondary ids):
-- their acronyms; their secondary ids are added when a version is next published.
INSERT INTO trial_identifier (trial_id, identifier)
SELECT id, UPPER(TRIM(acronym)) FROM trial
WHERE published_version IS NOT NULL AND acronym IS NOT NULL AND TRIM(acronym) <> '';

-- The public listing in each order it is sorted by (H2 has no partial indexes).
CREATE INDEX trial_public_newest_idx ON trial (registered_at DESC, id DESC);
CREATE INDEX trial_public_title_idx ON trial (public_title, id);
CREATE INDEX trial_public_start_idx ON trial (start_date DESC, id DESC);
