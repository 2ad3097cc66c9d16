-- Which Bitcoin header sources agreed on the block that confirmed an anchor (shown on /anchoring.xhtml).
ALTER TABLE anchor ADD COLUMN header_sources VARCHAR(1000);
