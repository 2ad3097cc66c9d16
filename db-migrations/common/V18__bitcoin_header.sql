-- Bitcoin block headers that the configured header sources agreed on and Bitcoin's header rules
-- accepted (HeaderQuorum), so that a restart keeps the chain the server validated and can still
-- confirm anchors and put headers into proof bundles. Read back through the same rules from the
-- trusted headers: a row changed in the database is dropped, never trusted for being stored.
CREATE TABLE bitcoin_header (
    height        BIGINT        PRIMARY KEY,
    block_hash    VARCHAR(64)   NOT NULL,
    header_bytes  BYTEA         NOT NULL,
    confirmed_by  VARCHAR(1000) NOT NULL,
    validated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
