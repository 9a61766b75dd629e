-- migration: Add note tags
-- revision: 4b8d2e6f0a13
-- revises: 1f3a5c7e9b20
-- created: 2026-11-25T09:10:00Z
-- branch-labels: tags

-- +upgrade
CREATE TABLE note_tags (
    note_id VARCHAR(36) NOT NULL,
    tag VARCHAR(50) NOT NULL,
    PRIMARY KEY (note_id, tag),
    CONSTRAINT fk_note_tags_note FOREIGN KEY (note_id) REFERENCES notes (id) ON DELETE CASCADE
);
CREATE INDEX ix_note_tags_tag ON note_tags (tag);

-- +downgrade
DROP TABLE note_tags;
