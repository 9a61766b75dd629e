-- The schema the notes app wants: the desired state that `migration revision --autogenerate
-- --schema-sql src/main/resources/db/desired/schema.sql` compares the database with (see
-- "Its revisions" in docs/sample-app.md). Change it first, then generate the revision. Views (note_summary)
-- are not compared, so they are left out. Never run by the application.
CREATE TABLE notes (
    id VARCHAR(36) NOT NULL,
    title VARCHAR(200) NOT NULL,
    body VARCHAR(4000) NOT NULL,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
    archived BOOLEAN DEFAULT FALSE NOT NULL,
    slug VARCHAR(200),
    word_count INTEGER,
    pinned BOOLEAN DEFAULT FALSE NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE note_tags (
    note_id VARCHAR(36) NOT NULL,
    tag VARCHAR(50) NOT NULL,
    PRIMARY KEY (note_id, tag),
    CONSTRAINT fk_note_tags_note FOREIGN KEY (note_id) REFERENCES notes (id) ON DELETE CASCADE
);
CREATE INDEX ix_note_tags_tag ON note_tags (tag);

CREATE TABLE note_audit (
    id VARCHAR(36) NOT NULL,
    note_id VARCHAR(36) NOT NULL,
    change_type VARCHAR(20) NOT NULL,
    happened_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_note_audit_note ON note_audit (note_id);
