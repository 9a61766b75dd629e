-- migration: Add note audit table
-- revision: a2f4c6e8b035
-- revises: 7c1e9a3b5d24
-- created: 2026-11-25T09:30:00Z

-- +upgrade
-- One row per change to a note; the application writes it beside the change.
CREATE TABLE note_audit (
    id VARCHAR(36) NOT NULL,
    note_id VARCHAR(36) NOT NULL,
    change_type VARCHAR(20) NOT NULL,
    happened_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_note_audit_note ON note_audit (note_id);

-- +downgrade
DROP TABLE note_audit;
