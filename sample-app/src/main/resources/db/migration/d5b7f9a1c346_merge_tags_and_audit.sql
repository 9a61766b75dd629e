-- migration: Merge tags and audit branches
-- revision: d5b7f9a1c346
-- revises: 4b8d2e6f0a13, a2f4c6e8b035
-- created: 2026-11-25T09:40:00Z

-- +upgrade
-- The summary needs both branches: tags (note_tags) and audit (notes.archived).
CREATE VIEW note_summary AS
SELECT n.id, n.title, n.archived, COUNT(t.tag) AS tag_count
FROM notes n
LEFT JOIN note_tags t ON t.note_id = n.id
GROUP BY n.id, n.title, n.archived;

-- +downgrade
DROP VIEW note_summary;
