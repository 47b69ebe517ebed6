-- Training records: the module catalogue, trainers and their accreditations, workshops with their
-- sessions, the registry of participants, enrolments with test scores, and attendance per session.
-- Also the replies to create requests kept under their Idempotency-Key, so a retry over a bad
-- network answers the first reply instead of creating a second record.
CREATE TABLE modules (
    id uniqueidentifier NOT NULL PRIMARY KEY,
    code varchar(40) NOT NULL UNIQUE,
    title_en nvarchar(300) NOT NULL,
    title_fr nvarchar(300) NOT NULL,
    hours decimal(6,2) NOT NULL,
    version int NOT NULL
);

CREATE TABLE module_key_factors (
    module_id uniqueidentifier NOT NULL REFERENCES modules (id),
    key_factor_code varchar(10) NOT NULL REFERENCES key_factors (code),
    PRIMARY KEY (module_id, key_factor_code)
);

CREATE INDEX ix_module_key_factors_factor ON module_key_factors (key_factor_code, module_id);

CREATE TABLE trainers (
    id uniqueidentifier NOT NULL PRIMARY KEY,
    full_name nvarchar(300) NOT NULL,
    kind varchar(40) NOT NULL,
    administration_id uniqueidentifier NULL REFERENCES administrations (id),
    email nvarchar(300) NULL,
    user_id uniqueidentifier NULL REFERENCES users (id),
    version int NOT NULL,
    CHECK (kind IN ('wco_expert', 'national_trainer'))
);

CREATE INDEX ix_trainers_name ON trainers (full_name, id);
CREATE INDEX ix_trainers_administration ON trainers (administration_id, full_name, id);
CREATE INDEX ix_trainers_user ON trainers (user_id);

CREATE TABLE workshops (
    id uniqueidentifier NOT NULL PRIMARY KEY,
    programme_id uniqueidentifier NOT NULL REFERENCES programmes (id),
    kind varchar(40) NOT NULL,
    title nvarchar(300) NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    host_administration_id uniqueidentifier NOT NULL REFERENCES administrations (id),
    city nvarchar(300) NOT NULL,
    language varchar(40) NOT NULL,
    status varchar(40) NOT NULL,
    outcome_notes nvarchar(4000) NULL,
    version int NOT NULL,
    CHECK (ends_on >= starts_on),
    CHECK (kind IN ('workshop', 'capacity_building_mission', 'diagnostic_mission', 'training_of_trainers', 'webinar')),
    CHECK (status IN ('planned', 'held', 'cancelled'))
);

CREATE INDEX ix_workshops_starts ON workshops (starts_on, id);
CREATE INDEX ix_workshops_programme ON workshops (programme_id, starts_on, id);
CREATE INDEX ix_workshops_host ON workshops (host_administration_id, starts_on, id);

CREATE TABLE workshop_administrations (
    workshop_id uniqueidentifier NOT NULL REFERENCES workshops (id),
    administration_id uniqueidentifier NOT NULL REFERENCES administrations (id),
    PRIMARY KEY (workshop_id, administration_id)
);

CREATE INDEX ix_workshop_administrations_administration ON workshop_administrations (administration_id, workshop_id);

CREATE TABLE workshop_key_factors (
    workshop_id uniqueidentifier NOT NULL REFERENCES workshops (id),
    key_factor_code varchar(10) NOT NULL REFERENCES key_factors (code),
    PRIMARY KEY (workshop_id, key_factor_code)
);

CREATE INDEX ix_workshop_key_factors_factor ON workshop_key_factors (key_factor_code, workshop_id);

CREATE TABLE workshop_partners (
    workshop_id uniqueidentifier NOT NULL REFERENCES workshops (id),
    name nvarchar(300) NOT NULL,
    PRIMARY KEY (workshop_id, name)
);

CREATE TABLE sessions (
    id uniqueidentifier NOT NULL PRIMARY KEY,
    workshop_id uniqueidentifier NOT NULL REFERENCES workshops (id),
    module_id uniqueidentifier NOT NULL REFERENCES modules (id),
    held_on date NOT NULL,
    version int NOT NULL
);

CREATE INDEX ix_sessions_workshop ON sessions (workshop_id, held_on, id);
CREATE INDEX ix_sessions_module ON sessions (module_id);

CREATE TABLE session_trainers (
    session_id uniqueidentifier NOT NULL REFERENCES sessions (id),
    trainer_id uniqueidentifier NOT NULL REFERENCES trainers (id),
    PRIMARY KEY (session_id, trainer_id)
);

CREATE INDEX ix_session_trainers_trainer ON session_trainers (trainer_id, session_id);

CREATE TABLE accreditations (
    id uniqueidentifier NOT NULL PRIMARY KEY,
    trainer_id uniqueidentifier NOT NULL REFERENCES trainers (id),
    module_id uniqueidentifier NOT NULL REFERENCES modules (id),
    stage varchar(40) NOT NULL,
    candidate_since date NOT NULL,
    trained_on date NULL,
    supervised_delivery_on date NULL,
    accredited_on date NULL,
    trained_at_workshop_id uniqueidentifier NULL REFERENCES workshops (id),
    version int NOT NULL,
    UNIQUE (trainer_id, module_id),
    CHECK (stage IN ('candidate', 'trained', 'supervised_delivery', 'accredited'))
);

CREATE INDEX ix_accreditations_module ON accreditations (module_id, stage);
CREATE INDEX ix_accreditations_training ON accreditations (trained_at_workshop_id);

CREATE TABLE participants (
    id uniqueidentifier NOT NULL PRIMARY KEY,
    family_name nvarchar(300) NOT NULL,
    given_names nvarchar(300) NOT NULL,
    normalised_name nvarchar(300) NOT NULL,
    sex varchar(40) NOT NULL,
    administration_id uniqueidentifier NOT NULL REFERENCES administrations (id),
    service varchar(40) NOT NULL,
    position nvarchar(300) NULL,
    email nvarchar(300) NULL,
    staff_number varchar(40) NULL,
    version int NOT NULL,
    CHECK (sex IN ('female', 'male', 'not_recorded')),
    CHECK (service IN ('operational', 'support', 'management'))
);

CREATE INDEX ix_participants_name ON participants (normalised_name, id);
CREATE INDEX ix_participants_administration ON participants (administration_id, normalised_name, id);
CREATE INDEX ix_participants_email ON participants (email);
CREATE INDEX ix_participants_staff_number ON participants (administration_id, staff_number);

CREATE TABLE enrolments (
    workshop_id uniqueidentifier NOT NULL REFERENCES workshops (id),
    participant_id uniqueidentifier NOT NULL REFERENCES participants (id),
    pre_test_score decimal(6,2) NULL,
    post_test_score decimal(6,2) NULL,
    completed bit NOT NULL,
    version int NOT NULL,
    PRIMARY KEY (workshop_id, participant_id)
);

CREATE INDEX ix_enrolments_participant ON enrolments (participant_id, workshop_id);

CREATE TABLE attendance (
    session_id uniqueidentifier NOT NULL REFERENCES sessions (id),
    participant_id uniqueidentifier NOT NULL REFERENCES participants (id),
    status varchar(40) NOT NULL,
    PRIMARY KEY (session_id, participant_id),
    CHECK (status IN ('present', 'late', 'excused', 'absent'))
);

CREATE INDEX ix_attendance_participant ON attendance (participant_id, session_id);

CREATE TABLE idempotent_requests (
    caller nvarchar(200) NOT NULL,
    idempotency_key varchar(100) NOT NULL,
    request_hash char(64) NOT NULL,
    status_code int NULL,
    location nvarchar(300) NULL,
    etag nvarchar(300) NULL,
    response_body nvarchar(max) NULL,
    created_at datetimeoffset NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
