-- Who may do what: accounts with a role and a scope, donors' API tokens, the programmes' country
-- projects (which administrations a programme covers, which scopes coordinators by administration),
-- and the hash-chained audit trail that every command appends to.
CREATE TABLE programme_administrations (
    programme_id uuid NOT NULL REFERENCES programmes (id),
    administration_id uuid NOT NULL REFERENCES administrations (id),
    PRIMARY KEY (programme_id, administration_id)
);

CREATE INDEX ix_programme_administrations_administration ON programme_administrations (administration_id, programme_id);

CREATE TABLE users (
    id uuid NOT NULL PRIMARY KEY,
    email varchar(300) NOT NULL UNIQUE,
    display_name varchar(300) NOT NULL,
    role varchar(40) NOT NULL,
    donor_id uuid NULL REFERENCES donors (id),
    password_hash varchar(300) NULL,
    failed_sign_ins integer NOT NULL,
    locked_until timestamptz NULL,
    session_stamp char(32) NOT NULL,
    version integer NOT NULL,
    CHECK (role IN ('administrator', 'coordinator', 'trainer', 'donor'))
);

CREATE INDEX ix_users_display_name ON users (display_name, id);

CREATE TABLE user_programmes (
    user_id uuid NOT NULL REFERENCES users (id),
    programme_id uuid NOT NULL REFERENCES programmes (id),
    PRIMARY KEY (user_id, programme_id)
);

CREATE TABLE user_administrations (
    user_id uuid NOT NULL REFERENCES users (id),
    administration_id uuid NOT NULL REFERENCES administrations (id),
    PRIMARY KEY (user_id, administration_id)
);

CREATE TABLE api_tokens (
    id uuid NOT NULL PRIMARY KEY,
    donor_id uuid NOT NULL REFERENCES donors (id),
    name varchar(300) NOT NULL,
    token_hash char(64) NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    created_by uuid NULL REFERENCES users (id),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz NULL
);

CREATE INDEX ix_api_tokens_donor ON api_tokens (donor_id, created_at);

CREATE TABLE audit_entries (
    position bigint NOT NULL PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor_id uuid NULL,
    actor varchar(300) NOT NULL,
    use_case varchar(40) NOT NULL,
    record_id uuid NULL,
    changes text NOT NULL,
    previous_hash char(64) NOT NULL,
    hash char(64) NOT NULL
);

CREATE INDEX ix_audit_entries_record ON audit_entries (record_id, position);
