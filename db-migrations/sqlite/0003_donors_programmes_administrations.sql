-- Who funds what, and where: donors, the programmes they fund, and the customs administrations
-- that programmes work with. Ids are time-ordered UUIDs made by the API; version counts updates
-- and is the ETag that guards every change.
CREATE TABLE donors (
    id TEXT NOT NULL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    iati_organisation_id TEXT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_donors_name ON donors (name, id);

CREATE TABLE programmes (
    id TEXT NOT NULL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    version INTEGER NOT NULL,
    CHECK (ends_on >= starts_on)
);

CREATE TABLE programme_donors (
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    donor_id TEXT NOT NULL REFERENCES donors (id),
    PRIMARY KEY (programme_id, donor_id)
);

CREATE INDEX ix_programme_donors_donor ON programme_donors (donor_id, programme_id);

CREATE TABLE administrations (
    id TEXT NOT NULL PRIMARY KEY,
    country_code TEXT NOT NULL REFERENCES countries (code),
    region_code TEXT NOT NULL REFERENCES regions (code),
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    version INTEGER NOT NULL,
    UNIQUE (country_code, name_en)
);

CREATE INDEX ix_administrations_name ON administrations (name_en, id);
CREATE INDEX ix_administrations_region ON administrations (region_code, name_en, id);
