-- Two computed rules read perception surveys: perception_favourable_percent and key_factors_improved_percent.
ALTER TABLE indicators DROP CONSTRAINT indicators_computed_by_check;

ALTER TABLE indicators ADD CONSTRAINT indicators_computed_by_check
    CHECK (computed_by IN ('officials_trained', 'workshops_held', 'participant_hours', 'accredited_national_trainers',
                           'cascade_sessions', 'administrations_with_adopted_plan', 'actions_done_on_time_percent',
                           'perception_favourable_percent', 'key_factors_improved_percent'));
