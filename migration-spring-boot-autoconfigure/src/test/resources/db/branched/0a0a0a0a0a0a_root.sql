-- migration: Root
-- revision: 0a0a0a0a0a0a

-- +upgrade
CREATE TABLE root_table (id INT PRIMARY KEY);

-- +downgrade
DROP TABLE root_table;
