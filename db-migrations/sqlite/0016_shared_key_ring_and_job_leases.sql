-- The ASP.NET Core data-protection key ring every instance shares: a session cookie or a kept token answer one
-- instance protected, any other can read. One row per element (a key or a revocation), its XML encrypted with the
-- configured certificate when there is one.
CREATE TABLE data_protection_keys (
    name TEXT NOT NULL PRIMARY KEY,
    xml TEXT NOT NULL
);

-- A background job runs on one instance per period: the one holding its lease until expires_at.
CREATE TABLE job_leases (
    job TEXT NOT NULL PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
