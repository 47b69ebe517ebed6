-- Who funds what, and where: donors, the programmes they fund, and the customs administrations
-- that programmes work with. Ids are time-ordered UUIDs made by the API; version counts updates
-- and is the ETag that guards every change.
CREATE TABLE donors (
    id uuid NOT NULL PRIMARY KEY,
    code varchar(40) NOT NULL UNIQUE,
    name varchar(300) NOT NULL,
    iati_organisation_id varchar(100) NULL,
    version integer NOT NULL
);

CREATE INDEX ix_donors_name ON donors (name, id);

CREATE TABLE programmes (
    id uuid NOT NULL PRIMARY KEY,
    code varchar(40) NOT NULL UNIQUE,
    name varchar(300) NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    version integer NOT NULL,
    CHECK (ends_on >= starts_on)
);

CREATE TABLE programme_donors (
    programme_id uuid NOT NULL REFERENCES programmes (id),
    donor_id uuid NOT NULL REFERENCES donors (id),
    PRIMARY KEY (programme_id, donor_id)
);

CREATE INDEX ix_programme_donors_donor ON programme_donors (donor_id, programme_id);

CREATE TABLE administrations (
    id uuid NOT NULL PRIMARY KEY,
    country_code char(2) NOT NULL REFERENCES countries (code),
    region_code varchar(10) NOT NULL REFERENCES regions (code),
    name_en varchar(300) NOT NULL,
    name_fr varchar(300) NOT NULL,
    version integer NOT NULL,
    UNIQUE (country_code, name_en)
);

CREATE INDEX ix_administrations_name ON administrations (name_en, id);
CREATE INDEX ix_administrations_region ON administrations (region_code, name_en, id);
