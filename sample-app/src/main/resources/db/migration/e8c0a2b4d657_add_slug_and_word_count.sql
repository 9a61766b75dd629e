-- migration: Add slug and word count columns
-- revision: e8c0a2b4d657
-- revises: d5b7f9a1c346
-- created: 2026-11-25T09:50:00Z

-- +upgrade
-- Nullable here: the Java revision f3d5e7a9b168 fills them for existing notes.
ALTER TABLE notes ADD COLUMN slug VARCHAR(200);
ALTER TABLE notes ADD COLUMN word_count INTEGER;

-- +downgrade
ALTER TABLE notes DROP COLUMN word_count;
ALTER TABLE notes DROP COLUMN slug;
