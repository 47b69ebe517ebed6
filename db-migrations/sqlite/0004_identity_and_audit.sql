-- Who may do what: accounts with a role and a scope, donors' API tokens, the programmes' country
-- projects (which administrations a programme covers, which scopes coordinators by administration),
-- and the hash-chained audit trail that every command appends to.
CREATE TABLE programme_administrations (
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    administration_id TEXT NOT NULL REFERENCES administrations (id),
    PRIMARY KEY (programme_id, administration_id)
);

CREATE INDEX ix_programme_administrations_administration ON programme_administrations (administration_id, programme_id);

CREATE TABLE users (
    id TEXT NOT NULL PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    donor_id TEXT NULL REFERENCES donors (id),
    password_hash TEXT NULL,
    failed_sign_ins INTEGER NOT NULL,
    locked_until TEXT NULL,
    session_stamp TEXT NOT NULL,
    version INTEGER NOT NULL,
    CHECK (role IN ('administrator', 'coordinator', 'trainer', 'donor'))
);

CREATE INDEX ix_users_display_name ON users (display_name, id);

CREATE TABLE user_programmes (
    user_id TEXT NOT NULL REFERENCES users (id),
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    PRIMARY KEY (user_id, programme_id)
);

CREATE TABLE user_administrations (
    user_id TEXT NOT NULL REFERENCES users (id),
    administration_id TEXT NOT NULL REFERENCES administrations (id),
    PRIMARY KEY (user_id, administration_id)
);

CREATE TABLE api_tokens (
    id TEXT NOT NULL PRIMARY KEY,
    donor_id TEXT NOT NULL REFERENCES donors (id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    created_by TEXT NULL REFERENCES users (id),
    expires_at TEXT NOT NULL,
    revoked_at TEXT NULL
);

CREATE INDEX ix_api_tokens_donor ON api_tokens (donor_id, created_at);

CREATE TABLE audit_entries (
    position INTEGER NOT NULL PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    actor_id TEXT NULL,
    actor TEXT NOT NULL,
    use_case TEXT NOT NULL,
    record_id TEXT NULL,
    changes TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

CREATE INDEX ix_audit_entries_record ON audit_entries (record_id, position);
