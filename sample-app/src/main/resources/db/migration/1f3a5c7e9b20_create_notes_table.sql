-- migration: Create notes table
-- revision: 1f3a5c7e9b20
-- revises:
-- created: 2026-11-25T09:00:00Z

-- +upgrade
CREATE TABLE notes (
    id VARCHAR(36) NOT NULL,
    title VARCHAR(200) NOT NULL,
    body VARCHAR(4000) NOT NULL,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (id)
);

-- +downgrade
DROP TABLE notes;
