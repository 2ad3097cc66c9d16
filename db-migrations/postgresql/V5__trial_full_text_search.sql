-- PostgreSQL full-text search over the published titles, conditions and interventions: a stored
-- tsvector kept current by the database itself, and a GIN index for "@@ websearch_to_tsquery".
ALTER TABLE trial ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('english', coalesce(search_text, ''))) STORED;
CREATE INDEX trial_search_vector_idx ON trial USING GIN (search_vector);
