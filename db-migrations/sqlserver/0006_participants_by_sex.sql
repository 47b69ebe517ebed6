-- Lists of participants filter by sex in name order (GET /api/v1/participants?sex=…): without this index a rare
-- value such as not_recorded would walk the whole registry by name to fill a page.
CREATE INDEX ix_participants_sex ON participants (sex, normalised_name, id);
