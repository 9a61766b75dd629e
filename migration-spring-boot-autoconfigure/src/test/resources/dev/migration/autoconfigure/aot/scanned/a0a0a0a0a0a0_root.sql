-- migration: Root of the AOT test location
-- revision: a0a0a0a0a0a0
-- created: 2026-12-03T12:00:00Z

-- +upgrade
CREATE TABLE aot_root (id INT PRIMARY KEY);

-- +downgrade
DROP TABLE aot_root;
