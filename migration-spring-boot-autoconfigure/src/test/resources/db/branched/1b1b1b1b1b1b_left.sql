-- migration: Left branch
-- revision: 1b1b1b1b1b1b
-- revises: 0a0a0a0a0a0a
-- branch-labels: left

-- +upgrade
CREATE TABLE left_table (id INT PRIMARY KEY);

-- +downgrade
DROP TABLE left_table;
