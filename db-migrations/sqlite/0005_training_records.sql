-- Training records: the module catalogue, trainers and their accreditations, workshops with their
-- sessions, the registry of participants, enrolments with test scores, and attendance per session.
-- Also the replies to create requests kept under their Idempotency-Key, so a retry over a bad
-- network answers the first reply instead of creating a second record.
CREATE TABLE modules (
    id TEXT NOT NULL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    title_en TEXT NOT NULL,
    title_fr TEXT NOT NULL,
    hours NUMERIC NOT NULL,
    version INTEGER NOT NULL
);

CREATE TABLE module_key_factors (
    module_id TEXT NOT NULL REFERENCES modules (id),
    key_factor_code TEXT NOT NULL REFERENCES key_factors (code),
    PRIMARY KEY (module_id, key_factor_code)
);

CREATE INDEX ix_module_key_factors_factor ON module_key_factors (key_factor_code, module_id);

CREATE TABLE trainers (
    id TEXT NOT NULL PRIMARY KEY,
    full_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    administration_id TEXT NULL REFERENCES administrations (id),
    email TEXT NULL,
    user_id TEXT NULL REFERENCES users (id),
    version INTEGER NOT NULL,
    CHECK (kind IN ('wco_expert', 'national_trainer'))
);

CREATE INDEX ix_trainers_name ON trainers (full_name, id);
CREATE INDEX ix_trainers_administration ON trainers (administration_id, full_name, id);
CREATE INDEX ix_trainers_user ON trainers (user_id);

CREATE TABLE workshops (
    id TEXT NOT NULL PRIMARY KEY,
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    host_administration_id TEXT NOT NULL REFERENCES administrations (id),
    city TEXT NOT NULL,
    language TEXT NOT NULL,
    status TEXT NOT NULL,
    outcome_notes TEXT NULL,
    version INTEGER NOT NULL,
    CHECK (ends_on >= starts_on),
    CHECK (kind IN ('workshop', 'capacity_building_mission', 'diagnostic_mission', 'training_of_trainers', 'webinar')),
    CHECK (status IN ('planned', 'held', 'cancelled'))
);

CREATE INDEX ix_workshops_starts ON workshops (starts_on, id);
CREATE INDEX ix_workshops_programme ON workshops (programme_id, starts_on, id);
CREATE INDEX ix_workshops_host ON workshops (host_administration_id, starts_on, id);

CREATE TABLE workshop_administrations (
    workshop_id TEXT NOT NULL REFERENCES workshops (id),
    administration_id TEXT NOT NULL REFERENCES administrations (id),
    PRIMARY KEY (workshop_id, administration_id)
);

CREATE INDEX ix_workshop_administrations_administration ON workshop_administrations (administration_id, workshop_id);

CREATE TABLE workshop_key_factors (
    workshop_id TEXT NOT NULL REFERENCES workshops (id),
    key_factor_code TEXT NOT NULL REFERENCES key_factors (code),
    PRIMARY KEY (workshop_id, key_factor_code)
);

CREATE INDEX ix_workshop_key_factors_factor ON workshop_key_factors (key_factor_code, workshop_id);

CREATE TABLE workshop_partners (
    workshop_id TEXT NOT NULL REFERENCES workshops (id),
    name TEXT NOT NULL,
    PRIMARY KEY (workshop_id, name)
);

CREATE TABLE sessions (
    id TEXT NOT NULL PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops (id),
    module_id TEXT NOT NULL REFERENCES modules (id),
    held_on TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_sessions_workshop ON sessions (workshop_id, held_on, id);
CREATE INDEX ix_sessions_module ON sessions (module_id);

CREATE TABLE session_trainers (
    session_id TEXT NOT NULL REFERENCES sessions (id),
    trainer_id TEXT NOT NULL REFERENCES trainers (id),
    PRIMARY KEY (session_id, trainer_id)
);

CREATE INDEX ix_session_trainers_trainer ON session_trainers (trainer_id, session_id);

CREATE TABLE accreditations (
    id TEXT NOT NULL PRIMARY KEY,
    trainer_id TEXT NOT NULL REFERENCES trainers (id),
    module_id TEXT NOT NULL REFERENCES modules (id),
    stage TEXT NOT NULL,
    candidate_since TEXT NOT NULL,
    trained_on TEXT NULL,
    supervised_delivery_on TEXT NULL,
    accredited_on TEXT NULL,
    trained_at_workshop_id TEXT NULL REFERENCES workshops (id),
    version INTEGER NOT NULL,
    UNIQUE (trainer_id, module_id),
    CHECK (stage IN ('candidate', 'trained', 'supervised_delivery', 'accredited'))
);

CREATE INDEX ix_accreditations_module ON accreditations (module_id, stage);
CREATE INDEX ix_accreditations_training ON accreditations (trained_at_workshop_id);

CREATE TABLE participants (
    id TEXT NOT NULL PRIMARY KEY,
    family_name TEXT NOT NULL,
    given_names TEXT NOT NULL,
    normalised_name TEXT NOT NULL,
    sex TEXT NOT NULL,
    administration_id TEXT NOT NULL REFERENCES administrations (id),
    service TEXT NOT NULL,
    position TEXT NULL,
    email TEXT NULL,
    staff_number TEXT NULL,
    version INTEGER NOT NULL,
    CHECK (sex IN ('female', 'male', 'not_recorded')),
    CHECK (service IN ('operational', 'support', 'management'))
);

CREATE INDEX ix_participants_name ON participants (normalised_name, id);
CREATE INDEX ix_participants_administration ON participants (administration_id, normalised_name, id);
CREATE INDEX ix_participants_email ON participants (email);
CREATE INDEX ix_participants_staff_number ON participants (administration_id, staff_number);

CREATE TABLE enrolments (
    workshop_id TEXT NOT NULL REFERENCES workshops (id),
    participant_id TEXT NOT NULL REFERENCES participants (id),
    pre_test_score NUMERIC NULL,
    post_test_score NUMERIC NULL,
    completed INTEGER NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (workshop_id, participant_id)
);

CREATE INDEX ix_enrolments_participant ON enrolments (participant_id, workshop_id);

CREATE TABLE attendance (
    session_id TEXT NOT NULL REFERENCES sessions (id),
    participant_id TEXT NOT NULL REFERENCES participants (id),
    status TEXT NOT NULL,
    PRIMARY KEY (session_id, participant_id),
    CHECK (status IN ('present', 'late', 'excused', 'absent'))
);

CREATE INDEX ix_attendance_participant ON attendance (participant_id, session_id);

CREATE TABLE idempotent_requests (
    caller TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER NULL,
    location TEXT NULL,
    etag TEXT NULL,
    response_body TEXT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
