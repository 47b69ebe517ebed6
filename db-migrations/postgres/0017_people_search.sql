-- Participant and trainer search (a word anywhere in a name) through pg_trgm GIN indexes, so that it stays flat as the
-- registry grows instead of reading every name. They index the very expressions the search compares
-- (lower(name) LIKE '%' || lower(@word) || '%'), so the planner serves that LIKE from them, and PostgreSQL keeps them
-- in step with every write (COPY included) by itself. pg_trgm is a trusted extension: the database's owner may add it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX ix_participants_name_trigrams ON participants USING gin (lower(normalised_name) gin_trgm_ops);
CREATE INDEX ix_trainers_name_trigrams ON trainers USING gin (lower(full_name) gin_trgm_ops);

-- "q is the staff number" of the search: the duplicate rules' index leads with the administration.
CREATE INDEX ix_participants_staff_number_alone ON participants (staff_number);
