-- Action plans: an administration's integrity action plan under a programme, its objectives (tied to
-- key factors, each with an outcome indicator, baseline and target), the actions that carry them out,
-- and the dated progress updates on each action. Updates are append-only: an action's status, percent
-- done and reported_on are those of its latest update (by reported_on, then recording order), kept on
-- the action so that lists and the dashboard filter on them; update_count numbers the updates as they
-- are recorded. An action with no update yet is not_started at 0 %.
CREATE TABLE action_plans (
    id TEXT NOT NULL PRIMARY KEY,
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    administration_id TEXT NOT NULL REFERENCES administrations (id),
    title TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    status TEXT NOT NULL,
    adopted_on TEXT NULL,
    objective_count INTEGER NOT NULL,
    version INTEGER NOT NULL,
    CHECK (ends_on >= starts_on),
    CHECK (status IN ('draft', 'adopted', 'in_implementation', 'closed')),
    CHECK ((status = 'draft' AND adopted_on IS NULL) OR (status <> 'draft' AND adopted_on IS NOT NULL))
);

CREATE INDEX ix_action_plans_starts ON action_plans (starts_on, id);
CREATE INDEX ix_action_plans_programme ON action_plans (programme_id, starts_on, id);
CREATE INDEX ix_action_plans_administration ON action_plans (administration_id, starts_on, id);
CREATE INDEX ix_action_plans_status ON action_plans (status, starts_on, id);

CREATE TABLE objectives (
    id TEXT NOT NULL PRIMARY KEY,
    action_plan_id TEXT NOT NULL REFERENCES action_plans (id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    outcome_indicator TEXT NOT NULL,
    baseline TEXT NULL,
    target TEXT NOT NULL,
    version INTEGER NOT NULL,
    UNIQUE (action_plan_id, position)
);

CREATE TABLE objective_key_factors (
    objective_id TEXT NOT NULL REFERENCES objectives (id),
    key_factor_code TEXT NOT NULL REFERENCES key_factors (code),
    PRIMARY KEY (objective_id, key_factor_code)
);

CREATE INDEX ix_objective_key_factors_factor ON objective_key_factors (key_factor_code, objective_id);

CREATE TABLE actions (
    id TEXT NOT NULL PRIMARY KEY,
    action_plan_id TEXT NOT NULL REFERENCES action_plans (id),
    objective_id TEXT NOT NULL REFERENCES objectives (id),
    title TEXT NOT NULL,
    lead_unit TEXT NOT NULL,
    owner TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    status TEXT NOT NULL,
    percent_done INTEGER NOT NULL,
    reported_on TEXT NULL,
    update_count INTEGER NOT NULL,
    version INTEGER NOT NULL,
    CHECK (due_on >= starts_on),
    CHECK (status IN ('not_started', 'in_progress', 'done', 'delayed', 'cancelled')),
    CHECK (percent_done BETWEEN 0 AND 100)
);

CREATE INDEX ix_actions_plan ON actions (action_plan_id, due_on, id);
CREATE INDEX ix_actions_plan_status ON actions (action_plan_id, status, due_on, id);
CREATE INDEX ix_actions_objective ON actions (objective_id, due_on, id);

CREATE TABLE progress_updates (
    id TEXT NOT NULL PRIMARY KEY,
    action_id TEXT NOT NULL REFERENCES actions (id),
    recording_order INTEGER NOT NULL,
    reported_on TEXT NOT NULL,
    status TEXT NOT NULL,
    percent_done INTEGER NOT NULL,
    narrative TEXT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (action_id, recording_order),
    CHECK (status IN ('not_started', 'in_progress', 'done', 'delayed', 'cancelled')),
    CHECK (percent_done BETWEEN 0 AND 100)
);

CREATE INDEX ix_progress_updates_action ON progress_updates (action_id, reported_on, recording_order);
CREATE INDEX ix_progress_updates_status ON progress_updates (action_id, status, reported_on);

CREATE TABLE progress_update_evidence (
    progress_update_id TEXT NOT NULL REFERENCES progress_updates (id),
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    PRIMARY KEY (progress_update_id, position)
);
