-- Issue 17. What a sponsor typed into the registration form that the draft checks refused (a map
-- of record path to text, JSON), kept beside the draft so that reopening the form shows it again
-- with its message; the draft itself holds only valid values. Cleared when the draft is replaced
-- through the API or becomes a version.
ALTER TABLE trial ADD COLUMN draft_unsaved_json VARCHAR(1000000);

-- The one-time token of the page form that created a site record: a second click (or a resent
-- request) on the same form finds the record the first one made instead of making another.
ALTER TABLE site_record ADD COLUMN request_token VARCHAR(64);
CREATE UNIQUE INDEX site_record_request_token ON site_record (request_token);
