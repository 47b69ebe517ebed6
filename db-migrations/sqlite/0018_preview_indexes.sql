-- The staff preview of a progress report computes its figures from the records live (ComputedRule, the modules
-- delivered). These indexes hold every column its statements read, so that they never read a table's rows: a
-- programme's held workshops, their sessions (day and module), the attendance of a session present or late, and each
-- participant's sex and administration.
CREATE INDEX ix_workshops_held ON workshops (programme_id, status, id, host_administration_id, ends_on);
CREATE INDEX ix_sessions_delivered ON sessions (workshop_id, held_on, module_id, id);
CREATE INDEX ix_attendance_attended ON attendance (session_id, status, participant_id);
CREATE INDEX ix_participants_buckets ON participants (id, sex, administration_id);
