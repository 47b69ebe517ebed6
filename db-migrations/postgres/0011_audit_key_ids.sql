-- Audit entries are keyed (HMAC-SHA256) with a secret the database does not hold; each entry names the
-- key that keyed it, so a rotated key's entries still verify. Entries written before have none: they
-- keep their plain SHA-256 and are sealed by the first keyed entry after them.
ALTER TABLE audit_entries ADD COLUMN key_id varchar(16) NULL;
