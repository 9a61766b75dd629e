-- migration: Create person table
-- revision: a1a1a1a1a1a1
-- created: 2026-11-24T12:00:00Z

-- +upgrade
CREATE TABLE person (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

-- +downgrade
DROP TABLE person;
