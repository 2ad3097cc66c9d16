-- A subject's completion or discontinuation of the study (DispositionRecord) is a site record of its own
-- kind: the same immutable versions, salt and ledger commitment as consents, results and adverse events.
-- Standard SQL that H2 and PostgreSQL both read, so it lives in common.
ALTER TABLE site_record DROP CONSTRAINT site_record_kind_check;
ALTER TABLE site_record ADD CONSTRAINT site_record_kind_check
    CHECK (kind IN ('CONSENT', 'RESULT', 'ADVERSE_EVENT', 'DISPOSITION'));
