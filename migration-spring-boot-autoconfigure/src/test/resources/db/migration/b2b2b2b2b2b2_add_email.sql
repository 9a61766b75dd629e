-- migration: Add email to person
-- revision: b2b2b2b2b2b2
-- revises: a1a1a1a1a1a1
-- created: 2026-11-24T12:10:00Z

-- +upgrade
ALTER TABLE person ADD COLUMN email VARCHAR(255);

-- +downgrade
ALTER TABLE person DROP COLUMN email;
