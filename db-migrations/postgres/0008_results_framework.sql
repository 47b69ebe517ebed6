-- A programme's results framework: its indicators (entered by hand, or computed from the records by a
-- named rule), its reporting periods with a report per administration (in_progress → submitted →
-- returned → submitted → approved), and the targets and actuals entered per indicator and period,
-- disaggregated by sex, administration or key factor. Computed actuals are never stored: they are read
-- from the records each time. A report that is submitted or approved locks what its period covers.
CREATE TABLE indicators (
    id uuid NOT NULL PRIMARY KEY,
    programme_id uuid NOT NULL REFERENCES programmes (id),
    code varchar(40) NOT NULL,
    title_en varchar(300) NOT NULL,
    title_fr varchar(300) NOT NULL,
    unit varchar(100) NOT NULL,
    measure varchar(40) NOT NULL,
    ascending boolean NOT NULL,
    computed_by varchar(40) NULL,
    version integer NOT NULL,
    UNIQUE (programme_id, code),
    CHECK (measure IN ('unit', 'percentage', 'nominal', 'ordinal', 'qualitative')),
    CHECK (computed_by IN ('officials_trained', 'workshops_held', 'participant_hours', 'accredited_national_trainers',
                           'cascade_sessions', 'administrations_with_adopted_plan', 'actions_done_on_time_percent'))
);

CREATE TABLE indicator_disaggregations (
    indicator_id uuid NOT NULL REFERENCES indicators (id),
    dimension varchar(40) NOT NULL,
    PRIMARY KEY (indicator_id, dimension),
    CHECK (dimension IN ('sex', 'administration', 'key_factor'))
);

CREATE TABLE reporting_periods (
    id uuid NOT NULL PRIMARY KEY,
    programme_id uuid NOT NULL REFERENCES programmes (id),
    label varchar(100) NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    version integer NOT NULL,
    UNIQUE (programme_id, label),
    CHECK (ends_on >= starts_on)
);

CREATE INDEX ix_reporting_periods_programme ON reporting_periods (programme_id, starts_on, id);

CREATE TABLE period_reports (
    id uuid NOT NULL PRIMARY KEY,
    period_id uuid NOT NULL REFERENCES reporting_periods (id),
    administration_id uuid NOT NULL REFERENCES administrations (id),
    state varchar(40) NOT NULL,
    submitted_at timestamptz NULL,
    submitted_by uuid NULL REFERENCES users (id),
    returned_at timestamptz NULL,
    returned_by uuid NULL REFERENCES users (id),
    return_comment varchar(4000) NULL,
    approved_at timestamptz NULL,
    approved_by uuid NULL REFERENCES users (id),
    version integer NOT NULL,
    UNIQUE (period_id, administration_id),
    CHECK (state IN ('in_progress', 'submitted', 'returned', 'approved')),
    CHECK (state <> 'returned' OR return_comment IS NOT NULL),
    CHECK (state <> 'approved' OR approved_at IS NOT NULL)
);

CREATE INDEX ix_period_reports_administration ON period_reports (administration_id, state);

CREATE TABLE indicator_values (
    id uuid NOT NULL PRIMARY KEY,
    indicator_id uuid NOT NULL REFERENCES indicators (id),
    period_id uuid NOT NULL REFERENCES reporting_periods (id),
    target numeric(18,4) NULL,
    actual numeric(18,4) NULL,
    target_comment varchar(4000) NULL,
    actual_comment varchar(4000) NULL,
    version integer NOT NULL,
    UNIQUE (indicator_id, period_id)
);

CREATE INDEX ix_indicator_values_period ON indicator_values (period_id);

-- One row per combination of dimensions (IATI's <dimension> elements of one target or actual); at
-- least one dimension, and a target or an actual. Rows are replaced whole with their value set.
CREATE TABLE indicator_value_breakdowns (
    value_id uuid NOT NULL REFERENCES indicator_values (id),
    position integer NOT NULL,
    sex varchar(40) NULL,
    administration_id uuid NULL REFERENCES administrations (id),
    key_factor_code varchar(10) NULL REFERENCES key_factors (code),
    target numeric(18,4) NULL,
    actual numeric(18,4) NULL,
    PRIMARY KEY (value_id, position),
    CHECK (sex IN ('female', 'male', 'not_recorded')),
    CHECK (sex IS NOT NULL OR administration_id IS NOT NULL OR key_factor_code IS NOT NULL),
    CHECK (target IS NOT NULL OR actual IS NOT NULL)
);

CREATE INDEX ix_indicator_value_breakdowns_administration ON indicator_value_breakdowns (administration_id);
