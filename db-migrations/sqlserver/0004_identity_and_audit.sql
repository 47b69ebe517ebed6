-- Who may do what: accounts with a role and a scope, donors' API tokens, the programmes' country
-- projects (which administrations a programme covers, which scopes coordinators by administration),
-- and the hash-chained audit trail that every command appends to.
CREATE TABLE programme_administrations (
    programme_id uniqueidentifier NOT NULL REFERENCES programmes (id),
    administration_id uniqueidentifier NOT NULL REFERENCES administrations (id),
    PRIMARY KEY (programme_id, administration_id)
);

CREATE INDEX ix_programme_administrations_administration ON programme_administrations (administration_id, programme_id);

CREATE TABLE users (
    id uniqueidentifier NOT NULL PRIMARY KEY,
    email nvarchar(300) NOT NULL UNIQUE,
    display_name nvarchar(300) NOT NULL,
    role varchar(40) NOT NULL,
    donor_id uniqueidentifier NULL REFERENCES donors (id),
    password_hash nvarchar(300) NULL,
    failed_sign_ins int NOT NULL,
    locked_until datetimeoffset NULL,
    session_stamp char(32) NOT NULL,
    version int NOT NULL,
    CHECK (role IN ('administrator', 'coordinator', 'trainer', 'donor'))
);

CREATE INDEX ix_users_display_name ON users (display_name, id);

CREATE TABLE user_programmes (
    user_id uniqueidentifier NOT NULL REFERENCES users (id),
    programme_id uniqueidentifier NOT NULL REFERENCES programmes (id),
    PRIMARY KEY (user_id, programme_id)
);

CREATE TABLE user_administrations (
    user_id uniqueidentifier NOT NULL REFERENCES users (id),
    administration_id uniqueidentifier NOT NULL REFERENCES administrations (id),
    PRIMARY KEY (user_id, administration_id)
);

CREATE TABLE api_tokens (
    id uniqueidentifier NOT NULL PRIMARY KEY,
    donor_id uniqueidentifier NOT NULL REFERENCES donors (id),
    name nvarchar(300) NOT NULL,
    token_hash char(64) NOT NULL UNIQUE,
    created_at datetimeoffset NOT NULL,
    created_by uniqueidentifier NULL REFERENCES users (id),
    expires_at datetimeoffset NOT NULL,
    revoked_at datetimeoffset NULL
);

CREATE INDEX ix_api_tokens_donor ON api_tokens (donor_id, created_at);

CREATE TABLE audit_entries (
    position bigint NOT NULL PRIMARY KEY,
    occurred_at datetimeoffset NOT NULL,
    actor_id uniqueidentifier NULL,
    actor nvarchar(300) NOT NULL,
    use_case varchar(40) NOT NULL,
    record_id uniqueidentifier NULL,
    changes nvarchar(max) NOT NULL,
    previous_hash char(64) NOT NULL,
    hash char(64) NOT NULL
);

CREATE INDEX ix_audit_entries_record ON audit_entries (record_id, position);
