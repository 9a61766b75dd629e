-- migration: Seed the first person
-- revision: c3c3c3c3c3c3
-- revises: b2b2b2b2b2b2
-- created: 2026-11-24T12:20:00Z

-- +upgrade
INSERT INTO person (id, name, email) VALUES (1, 'Ada', 'ada@example.com');

-- +downgrade
DELETE FROM person WHERE id = 1;
