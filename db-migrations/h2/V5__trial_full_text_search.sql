-- H2 (the zero-setup demo database) has no tsvector: the registry searches it with LIKE over
-- trial.search_text instead, which is fine at demo sizes. This version exists so that both databases
-- share one version history.
SELECT 1;
