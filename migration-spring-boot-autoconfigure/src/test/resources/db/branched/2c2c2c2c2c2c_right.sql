-- migration: Right branch
-- revision: 2c2c2c2c2c2c
-- revises: 0a0a0a0a0a0a
-- branch-labels: right

-- +upgrade
CREATE TABLE right_table (id INT PRIMARY KEY);

-- +downgrade
DROP TABLE right_table;
