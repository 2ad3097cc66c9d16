-- Integration becomes append-only and set-based (docs/ledger-format.md, §10): a writer appends its
-- entry and a queue row; the integrator appends one leaf row per entry (index -> entry) in one multi-row
-- INSERT, the batch's inner nodes in another, deletes the batch's queue rows and advances the head and
-- signs the checkpoint, all in one transaction. No entry row is ever updated again, so an entry keeps its
-- single tuple and its indexes are written once.

-- leaf_index -> entry. Gapless 0 … size − 1 (the integrator assigns them under the head's row lock).
CREATE TABLE ledger_leaf (
    leaf_index     BIGINT PRIMARY KEY,
    entry_id       BIGINT NOT NULL,
    integrated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ledger_leaf_entry_unique UNIQUE (entry_id)
);

-- Entries waiting for a leaf, oldest (smallest id) first. Written with the entry, deleted when integrated.
CREATE TABLE ledger_queue (
    entry_id  BIGINT PRIMARY KEY
);

INSERT INTO ledger_leaf (leaf_index, entry_id, integrated_at)
SELECT leaf_index, id, COALESCE(integrated_at, queued_at) FROM ledger_entry WHERE leaf_index IS NOT NULL;
INSERT INTO ledger_queue (entry_id)
SELECT id FROM ledger_entry WHERE leaf_index IS NULL;

DROP INDEX ledger_entry_queue_idx;
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_leaf_index_unique;
ALTER TABLE ledger_entry DROP COLUMN leaf_index;
ALTER TABLE ledger_entry DROP COLUMN integrated_at;
