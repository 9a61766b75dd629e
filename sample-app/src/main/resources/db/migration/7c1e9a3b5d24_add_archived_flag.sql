-- migration: Add archived flag to notes
-- revision: 7c1e9a3b5d24
-- revises: 1f3a5c7e9b20
-- created: 2026-11-25T09:20:00Z
-- branch-labels: audit

-- +upgrade
ALTER TABLE notes ADD COLUMN archived BOOLEAN DEFAULT FALSE NOT NULL;

-- +downgrade
ALTER TABLE notes DROP COLUMN archived;
