-- Participant and trainer search (a word anywhere in a name) through trigram tables, so that it stays flat as the
-- registry grows instead of reading every name. SQL Server has no trigram index: its full-text search finds words and
-- word prefixes only (not "raore" inside "traore"), and CREATE FULLTEXT INDEX cannot run in the transaction each
-- migration runs in. So each name's three-character pieces are kept in a table keyed by piece; the search takes the
-- rows holding the first and last pieces of each word of 3 characters or more as candidates and checks each against
-- the LIKE it always compared. What this does not do: rank, or check the pieces in between (the LIKE does). Triggers keep the pieces in
-- step in the writer's transaction; a bulk copy fires them because the dialect's SqlBulkCopy asks it to (FireTriggers).
-- GENERATE_SERIES needs SQL Server 2022 (compatibility level 160).
CREATE TABLE participant_trigrams (
    trigram nchar(3) NOT NULL,
    participant_id uniqueidentifier NOT NULL,
    PRIMARY KEY (trigram, participant_id)
);

CREATE TABLE trainer_trigrams (
    trigram nchar(3) NOT NULL,
    trainer_id uniqueidentifier NOT NULL,
    PRIMARY KEY (trigram, trainer_id)
);

CREATE INDEX ix_participant_trigrams_participant ON participant_trigrams (participant_id);
CREATE INDEX ix_trainer_trigrams_trainer ON trainer_trigrams (trainer_id);

-- "q is the staff number" of the search: the duplicate rules' index leads with the administration.
CREATE INDEX ix_participants_staff_number_alone ON participants (staff_number);

INSERT INTO participant_trigrams (trigram, participant_id)
SELECT DISTINCT SUBSTRING(lower(p.normalised_name), s.value, 3), p.id
FROM participants p JOIN GENERATE_SERIES(1, 298) s ON s.value <= LEN(p.normalised_name) - 2;

INSERT INTO trainer_trigrams (trigram, trainer_id)
SELECT DISTINCT SUBSTRING(lower(t.full_name), s.value, 3), t.id
FROM trainers t JOIN GENERATE_SERIES(1, 298) s ON s.value <= LEN(t.full_name) - 2;
GO

CREATE TRIGGER participants_trigrams ON participants AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    -- Only a change of the name changes the pieces (a delete has no inserted rows).
    IF NOT UPDATE(normalised_name) AND EXISTS (SELECT 1 FROM inserted) RETURN;
    DELETE t FROM participant_trigrams t JOIN deleted d ON d.id = t.participant_id;
    INSERT INTO participant_trigrams (trigram, participant_id)
    SELECT DISTINCT SUBSTRING(lower(i.normalised_name), s.value, 3), i.id
    FROM inserted i JOIN GENERATE_SERIES(1, 298) s ON s.value <= LEN(i.normalised_name) - 2;
END;
GO

CREATE TRIGGER trainers_trigrams ON trainers AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    -- Only a change of the name changes the pieces (a delete has no inserted rows).
    IF NOT UPDATE(full_name) AND EXISTS (SELECT 1 FROM inserted) RETURN;
    DELETE t FROM trainer_trigrams t JOIN deleted d ON d.id = t.trainer_id;
    INSERT INTO trainer_trigrams (trigram, trainer_id)
    SELECT DISTINCT SUBSTRING(lower(i.full_name), s.value, 3), i.id
    FROM inserted i JOIN GENERATE_SERIES(1, 298) s ON s.value <= LEN(i.full_name) - 2;
END;
