-- What each approved report covered when it was approved: donors read these figures, never the live records.
-- Returning the report deletes its snapshot; the approval's audit entry holds the snapshot's hash.
CREATE TABLE approval_snapshots (
    report_id TEXT NOT NULL PRIMARY KEY REFERENCES period_reports (id),
    period_id TEXT NOT NULL REFERENCES reporting_periods (id),
    administration_id TEXT NOT NULL REFERENCES administrations (id),
    hash TEXT NOT NULL,
    taken_at TEXT NOT NULL
);

CREATE INDEX approval_snapshots_by_period ON approval_snapshots (period_id, administration_id);

-- One computed cell (source = the rule, or modules_delivered) or one entered/computed indicator value (source =
-- indicator) with its breakdown; the administration is the cell's, which may be none or one the programme no longer covers.
CREATE TABLE approved_figures (
    report_id TEXT NOT NULL REFERENCES approval_snapshots (report_id),
    position INTEGER NOT NULL,
    source TEXT NOT NULL,
    indicator_id TEXT NULL,
    sex TEXT NULL,
    administration_id TEXT NULL,
    key_factor_code TEXT NULL,
    amount NUMERIC NULL,
    base NUMERIC NULL,
    target NUMERIC NULL,
    PRIMARY KEY (report_id, position)
);
