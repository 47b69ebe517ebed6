-- Likely duplicates across scopes: when a registration likely matches someone the caller may not see, the person
-- is registered (the match is never confirmed to the caller) and the pair waits here for an administrator, who
-- merges it or dismisses it. A dismissed pair stays, so that it is not raised again.
CREATE TABLE duplicate_reviews (
    id uuid NOT NULL PRIMARY KEY,
    participant_id uuid NOT NULL REFERENCES participants (id),
    candidate_id uuid NOT NULL REFERENCES participants (id),
    matched_on varchar(100) NOT NULL,
    found_at timestamptz NOT NULL,
    dismissed_at timestamptz NULL,
    CONSTRAINT uq_duplicate_reviews_pair UNIQUE (participant_id, candidate_id)
);

CREATE INDEX ix_duplicate_reviews_candidate ON duplicate_reviews (candidate_id);
CREATE INDEX ix_duplicate_reviews_found ON duplicate_reviews (found_at, id);

-- Which folding of the duplicate keys (names, e-mails, staff numbers) the stored keys were computed with. At start-up
-- the API recomputes every participant's keys once for a folding not listed here, then lists it.
CREATE TABLE person_key_folds (
    fold varchar(100) NOT NULL PRIMARY KEY,
    applied_at timestamptz NOT NULL
);
