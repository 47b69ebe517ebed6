-- Two computed rules read perception surveys: perception_favourable_percent and key_factors_improved_percent.
-- SQLite cannot change a CHECK in place, so indicators is rebuilt. Foreign keys stay on (a migration runs in a
-- transaction, where they cannot be switched off), deferred instead: the DROP leaves the rows that reference
-- indicators without their parent until the same rows are put back, before the commit checks them.
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE indicators_before AS SELECT * FROM indicators;

DROP TABLE indicators;

CREATE TABLE indicators (
    id TEXT NOT NULL PRIMARY KEY,
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    code TEXT NOT NULL,
    title_en TEXT NOT NULL,
    title_fr TEXT NOT NULL,
    unit TEXT NOT NULL,
    measure TEXT NOT NULL,
    ascending INTEGER NOT NULL,
    computed_by TEXT NULL,
    version INTEGER NOT NULL,
    UNIQUE (programme_id, code),
    CHECK (measure IN ('unit', 'percentage', 'nominal', 'ordinal', 'qualitative')),
    CHECK (computed_by IN ('officials_trained', 'workshops_held', 'participant_hours', 'accredited_national_trainers',
                           'cascade_sessions', 'administrations_with_adopted_plan', 'actions_done_on_time_percent',
                           'perception_favourable_percent', 'key_factors_improved_percent'))
);

INSERT INTO indicators (id, programme_id, code, title_en, title_fr, unit, measure, ascending, computed_by, version)
SELECT id, programme_id, code, title_en, title_fr, unit, measure, ascending, computed_by, version FROM indicators_before;

DROP TABLE indicators_before;
