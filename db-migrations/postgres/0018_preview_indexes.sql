-- The staff preview of a progress report computes officials trained and participant-hours from attendance live
-- (ComputedRule). It reads the attendance of a programme's sessions, present or late: this index answers it without
-- reading the table's rows (an index-only scan). The participants are hashed whole, so they need none.
CREATE INDEX ix_attendance_attended ON attendance (session_id, status, participant_id);
