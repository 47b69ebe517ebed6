-- Two computed rules read perception surveys: perception_favourable_percent and key_factors_improved_percent.
-- The CHECK of 0008 was named by SQL Server, so it is found by what it checks, then replaced by a named one.
DECLARE @check sysname = (SELECT name FROM sys.check_constraints
                          WHERE parent_object_id = OBJECT_ID('indicators') AND definition LIKE '%computed_by%');
EXEC ('ALTER TABLE indicators DROP CONSTRAINT ' + @check);

ALTER TABLE indicators ADD CONSTRAINT ck_indicators_computed_by
    CHECK (computed_by IN ('officials_trained', 'workshops_held', 'participant_hours', 'accredited_national_trainers',
                           'cascade_sessions', 'administrations_with_adopted_plan', 'actions_done_on_time_percent',
                           'perception_favourable_percent', 'key_factors_improved_percent'));
