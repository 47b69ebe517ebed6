-- Other names an attendance sheet may give an administration ("Douanes du Burkina Faso", "DGD"). name_key is
-- the name folded (lower case, no accents, single spaces) and belongs to one administration only, so that a
-- sheet's value never names two.
CREATE TABLE administration_other_names (
    administration_id uuid NOT NULL REFERENCES administrations (id),
    name varchar(200) NOT NULL,
    name_key varchar(200) NOT NULL UNIQUE
);

CREATE INDEX ix_administration_other_names_administration ON administration_other_names (administration_id);
