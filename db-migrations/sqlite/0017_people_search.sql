-- Participant and trainer search (a word anywhere in a name) through FTS5 trigram indexes, so that it stays flat as
-- the registry grows instead of reading every name. FTS5 finds rows by an integer key, and the rowids of
-- participants and trainers are not stable (VACUUM may renumber a table without an INTEGER PRIMARY KEY): each
-- searched text is therefore copied, under a key of its own, into a *_search table that the FTS5 table indexes.
-- Triggers keep both in step in the writer's transaction: every path that writes a name (commands, sheet imports,
-- merges, the demo and scale data and their bulk writers) goes through them, with nothing for the code to forget.
-- The searched text: a participant's normalised name (folded, lower-case, the words in order: what the search
-- compares), a trainer's full name as written (the index folds its case; the search checks each candidate as before).

CREATE TABLE participant_search (
    search_id INTEGER PRIMARY KEY,
    participant_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE VIRTUAL TABLE participant_search_trigrams USING fts5 (
    name, content = 'participant_search', content_rowid = 'search_id', tokenize = 'trigram case_sensitive 1'
);

INSERT INTO participant_search (participant_id, name) SELECT id, normalised_name FROM participants;
INSERT INTO participant_search_trigrams (participant_search_trigrams) VALUES ('rebuild');

CREATE TRIGGER participants_search_insert AFTER INSERT ON participants BEGIN
    INSERT INTO participant_search (participant_id, name) VALUES (new.id, new.normalised_name);
    INSERT INTO participant_search_trigrams (rowid, name) VALUES (last_insert_rowid(), new.normalised_name);
END;

CREATE TRIGGER participants_search_update AFTER UPDATE OF normalised_name ON participants BEGIN
    INSERT INTO participant_search_trigrams (participant_search_trigrams, rowid, name)
        SELECT 'delete', search_id, name FROM participant_search WHERE participant_id = old.id;
    UPDATE participant_search SET name = new.normalised_name WHERE participant_id = old.id;
    INSERT INTO participant_search_trigrams (rowid, name)
        SELECT search_id, name FROM participant_search WHERE participant_id = old.id;
END;

CREATE TRIGGER participants_search_delete AFTER DELETE ON participants BEGIN
    INSERT INTO participant_search_trigrams (participant_search_trigrams, rowid, name)
        SELECT 'delete', search_id, name FROM participant_search WHERE participant_id = old.id;
    DELETE FROM participant_search WHERE participant_id = old.id;
END;

CREATE TABLE trainer_search (
    search_id INTEGER PRIMARY KEY,
    trainer_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE VIRTUAL TABLE trainer_search_trigrams USING fts5 (
    name, content = 'trainer_search', content_rowid = 'search_id', tokenize = 'trigram'
);

INSERT INTO trainer_search (trainer_id, name) SELECT id, full_name FROM trainers;
INSERT INTO trainer_search_trigrams (trainer_search_trigrams) VALUES ('rebuild');

CREATE TRIGGER trainers_search_insert AFTER INSERT ON trainers BEGIN
    INSERT INTO trainer_search (trainer_id, name) VALUES (new.id, new.full_name);
    INSERT INTO trainer_search_trigrams (rowid, name) VALUES (last_insert_rowid(), new.full_name);
END;

CREATE TRIGGER trainers_search_update AFTER UPDATE OF full_name ON trainers BEGIN
    INSERT INTO trainer_search_trigrams (trainer_search_trigrams, rowid, name)
        SELECT 'delete', search_id, name FROM trainer_search WHERE trainer_id = old.id;
    UPDATE trainer_search SET name = new.full_name WHERE trainer_id = old.id;
    INSERT INTO trainer_search_trigrams (rowid, name)
        SELECT search_id, name FROM trainer_search WHERE trainer_id = old.id;
END;

CREATE TRIGGER trainers_search_delete AFTER DELETE ON trainers BEGIN
    INSERT INTO trainer_search_trigrams (trainer_search_trigrams, rowid, name)
        SELECT 'delete', search_id, name FROM trainer_search WHERE trainer_id = old.id;
    DELETE FROM trainer_search WHERE trainer_id = old.id;
END;

-- "q is the staff number" of the search: the duplicate rules' index leads with the administration.
CREATE INDEX ix_participants_staff_number_alone ON participants (staff_number);
