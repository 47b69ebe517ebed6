-- What each approved report covered when it was approved: donors read these figures, never the live records.
-- Returning the report deletes its snapshot; the approval's audit entry holds the snapshot's hash.
CREATE TABLE approval_snapshots (
    report_id uniqueidentifier NOT NULL PRIMARY KEY REFERENCES period_reports (id),
    period_id uniqueidentifier NOT NULL REFERENCES reporting_periods (id),
    administration_id uniqueidentifier NOT NULL REFERENCES administrations (id),
    hash varchar(64) NOT NULL,
    taken_at datetimeoffset NOT NULL
);

CREATE INDEX approval_snapshots_by_period ON approval_snapshots (period_id, administration_id);

-- One computed cell (source = the rule, or modules_delivered) or one entered/computed indicator value (source =
-- indicator) with its breakdown; the administration is the cell's, which may be none or one the programme no longer covers.
CREATE TABLE approved_figures (
    report_id uniqueidentifier NOT NULL REFERENCES approval_snapshots (report_id),
    position int NOT NULL,
    source varchar(60) NOT NULL,
    indicator_id uniqueidentifier NULL,
    sex varchar(40) NULL,
    administration_id uniqueidentifier NULL,
    key_factor_code varchar(10) NULL,
    amount decimal(18,4) NULL,
    base decimal(18,4) NULL,
    target decimal(18,4) NULL,
    PRIMARY KEY (report_id, position)
);
