-- migration: A script in a subfolder of the location
-- revision: e5e5e5e5e5e5
-- revises: d4d4d4d4d4d4
-- created: 2026-12-03T12:01:00Z

-- +upgrade
CREATE TABLE aot_nested (id INT PRIMARY KEY);

-- +downgrade
DROP TABLE aot_nested;
