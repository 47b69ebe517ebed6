-- The staff preview of a progress report computes officials trained and participant-hours from attendance live
-- (ComputedRule). It reads the attendance of a programme's sessions, present or late, and each participant's sex and
-- administration: these indexes answer both without reading the tables' rows.
CREATE INDEX ix_attendance_attended ON attendance (session_id, status, participant_id);
CREATE INDEX ix_participants_buckets ON participants (id, sex, administration_id);
