-- Action plans: an administration's integrity action plan under a programme, its objectives (tied to
-- key factors, each with an outcome indicator, baseline and target), the actions that carry them out,
-- and the dated progress updates on each action. Updates are append-only: an action's status, percent
-- done and reported_on are those of its latest update (by reported_on, then recording order), kept on
-- the action so that lists and the dashboard filter on them; update_count numbers the updates as they
-- are recorded. An action with no update yet is not_started at 0 %.
CREATE TABLE action_plans (
    id uuid NOT NULL PRIMARY KEY,
    programme_id uuid NOT NULL REFERENCES programmes (id),
    administration_id uuid NOT NULL REFERENCES administrations (id),
    title varchar(300) NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    status varchar(40) NOT NULL,
    adopted_on date NULL,
    objective_count integer NOT NULL,
    version integer NOT NULL,
    CHECK (ends_on >= starts_on),
    CHECK (status IN ('draft', 'adopted', 'in_implementation', 'closed')),
    CHECK ((status = 'draft' AND adopted_on IS NULL) OR (status <> 'draft' AND adopted_on IS NOT NULL))
);

CREATE INDEX ix_action_plans_starts ON action_plans (starts_on, id);
CREATE INDEX ix_action_plans_programme ON action_plans (programme_id, starts_on, id);
CREATE INDEX ix_action_plans_administration ON action_plans (administration_id, starts_on, id);
CREATE INDEX ix_action_plans_status ON action_plans (status, starts_on, id);

CREATE TABLE objectives (
    id uuid NOT NULL PRIMARY KEY,
    action_plan_id uuid NOT NULL REFERENCES action_plans (id),
    position integer NOT NULL,
    title varchar(300) NOT NULL,
    outcome_indicator varchar(1000) NOT NULL,
    baseline varchar(300) NULL,
    target varchar(300) NOT NULL,
    version integer NOT NULL,
    UNIQUE (action_plan_id, position)
);

CREATE TABLE objective_key_factors (
    objective_id uuid NOT NULL REFERENCES objectives (id),
    key_factor_code varchar(10) NOT NULL REFERENCES key_factors (code),
    PRIMARY KEY (objective_id, key_factor_code)
);

CREATE INDEX ix_objective_key_factors_factor ON objective_key_factors (key_factor_code, objective_id);

CREATE TABLE actions (
    id uuid NOT NULL PRIMARY KEY,
    action_plan_id uuid NOT NULL REFERENCES action_plans (id),
    objective_id uuid NOT NULL REFERENCES objectives (id),
    title varchar(300) NOT NULL,
    lead_unit varchar(300) NOT NULL,
    owner varchar(300) NOT NULL,
    starts_on date NOT NULL,
    due_on date NOT NULL,
    status varchar(40) NOT NULL,
    percent_done integer NOT NULL,
    reported_on date NULL,
    update_count integer NOT NULL,
    version integer NOT NULL,
    CHECK (due_on >= starts_on),
    CHECK (status IN ('not_started', 'in_progress', 'done', 'delayed', 'cancelled')),
    CHECK (percent_done BETWEEN 0 AND 100)
);

CREATE INDEX ix_actions_plan ON actions (action_plan_id, due_on, id);
CREATE INDEX ix_actions_plan_status ON actions (action_plan_id, status, due_on, id);
CREATE INDEX ix_actions_objective ON actions (objective_id, due_on, id);

CREATE TABLE progress_updates (
    id uuid NOT NULL PRIMARY KEY,
    action_id uuid NOT NULL REFERENCES actions (id),
    recording_order integer NOT NULL,
    reported_on date NOT NULL,
    status varchar(40) NOT NULL,
    percent_done integer NOT NULL,
    narrative varchar(4000) NULL,
    recorded_at timestamptz NOT NULL,
    UNIQUE (action_id, recording_order),
    CHECK (status IN ('not_started', 'in_progress', 'done', 'delayed', 'cancelled')),
    CHECK (percent_done BETWEEN 0 AND 100)
);

CREATE INDEX ix_progress_updates_action ON progress_updates (action_id, reported_on, recording_order);
CREATE INDEX ix_progress_updates_status ON progress_updates (action_id, status, reported_on);

CREATE TABLE progress_update_evidence (
    progress_update_id uuid NOT NULL REFERENCES progress_updates (id),
    position integer NOT NULL,
    url varchar(2000) NOT NULL,
    PRIMARY KEY (progress_update_id, position)
);
