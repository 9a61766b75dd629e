package dev.migration.sample;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes, tags and the audit trail over {@link JdbcClient}, on the schema the migrations
 * build. Plain SQL that runs unchanged on H2, PostgreSQL and MariaDB.
 */
@Repository
public class NoteRepository {

	private static final String SELECT_NOTES = "SELECT id, title, body, slug, word_count, archived, created_at FROM notes";

	private final JdbcClient jdbc;

	private final NoteText text;

	public NoteRepository(JdbcClient jdbc, NoteText text) {
		this.jdbc = jdbc;
		this.text = text;
	}

	/**
	 * Notes, newest first.
	 * @param tag only notes with this tag, or {@code null} for all
	 * @param includeArchived whether to include archived notes
	 * @return the notes
	 */
	@Transactional(readOnly = true)
	public List<Note> findAll(@Nullable String tag, boolean includeArchived) {
		StringBuilder sql = new StringBuilder(SELECT_NOTES).append(" WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		if (!includeArchived) {
			sql.append(" AND archived = :archived");
			params.put("archived", false);
		}
		if (tag != null) {
			sql.append(" AND id IN (SELECT note_id FROM note_tags WHERE tag = :tag)");
			params.put("tag", tag);
		}
		sql.append(" ORDER BY created_at DESC, id");
		List<Note> untagged = this.jdbc.sql(sql.toString()).params(params).query(NoteRepository::mapNote).list();
		List<Note> notes = new ArrayList<>(untagged.size());
		for (Note note : untagged) {
			notes.add(withTags(note));
		}
		return notes;
	}

	@Transactional(readOnly = true)
	public Optional<Note> findById(String id) {
		return this.jdbc.sql(SELECT_NOTES + " WHERE id = :id")
			.param("id", id)
			.query(NoteRepository::mapNote)
			.optional()
			.map(this::withTags);
	}

	/**
	 * Store a new note with its tags and an audit row.
	 * @param title the title
	 * @param body the text
	 * @param tags the tags
	 * @return the stored note
	 */
	@Transactional
	public Note create(String title, String body, List<String> tags) {
		String id = UUID.randomUUID().toString();
		this.jdbc
			.sql("INSERT INTO notes (id, title, body, slug, word_count, archived) "
					+ "VALUES (:id, :title, :body, :slug, :wordCount, :archived)")
			.param("id", id)
			.param("title", title)
			.param("body", body)
			.param("slug", this.text.slug(title))
			.param("wordCount", this.text.wordCount(body))
			.param("archived", false)
			.update();
		for (String tag : new TreeSet<>(tags)) {
			this.jdbc.sql("INSERT INTO note_tags (note_id, tag) VALUES (:id, :tag)")
				.param("id", id)
				.param("tag", tag)
				.update();
		}
		audit(id, "created");
		return findById(id).orElseThrow();
	}

	/**
	 * Archive a note.
	 * @param id the note
	 * @return the archived note, empty when there is no such note
	 */
	@Transactional
	public Optional<Note> archive(String id) {
		int updated = this.jdbc.sql("UPDATE notes SET archived = :archived WHERE id = :id")
			.param("archived", true)
			.param("id", id)
			.update();
		if (updated == 0) {
			return Optional.empty();
		}
		audit(id, "archived");
		return findById(id);
	}

	/**
	 * Delete a note; its tags go with it, its audit trail stays.
	 * @param id the note
	 * @return whether it existed
	 */
	@Transactional
	public boolean delete(String id) {
		int deleted = this.jdbc.sql("DELETE FROM notes WHERE id = :id").param("id", id).update();
		if (deleted > 0) {
			audit(id, "deleted");
		}
		return deleted > 0;
	}

	@Transactional(readOnly = true)
	public List<TagCount> tags() {
		return this.jdbc.sql("SELECT tag, COUNT(*) AS notes FROM note_tags GROUP BY tag ORDER BY tag")
			.query((rs, row) -> new TagCount(rs.getString("tag"), rs.getLong("notes")))
			.list();
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> auditTrail(String id) {
		return this.jdbc
			.sql("SELECT note_id, change_type, happened_at FROM note_audit WHERE note_id = :id "
					+ "ORDER BY happened_at, change_type")
			.param("id", id)
			.query((rs, row) -> new AuditEntry(rs.getString("note_id"), rs.getString("change_type"),
					rs.getTimestamp("happened_at").toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	public List<NoteSummary> summary() {
		return this.jdbc.sql("SELECT id, title, archived, tag_count FROM note_summary ORDER BY title, id")
			.query((rs, row) -> new NoteSummary(rs.getString("id"), rs.getString("title"), rs.getBoolean("archived"),
					rs.getLong("tag_count")))
			.list();
	}

	private void audit(String noteId, String changeType) {
		this.jdbc.sql("INSERT INTO note_audit (id, note_id, change_type) VALUES (:id, :noteId, :changeType)")
			.param("id", UUID.randomUUID().toString())
			.param("noteId", noteId)
			.param("changeType", changeType)
			.update();
	}

	private Note withTags(Note note) {
		List<String> tags = this.jdbc.sql("SELECT tag FROM note_tags WHERE note_id = :id ORDER BY tag")
			.param("id", note.id())
			.query(String.class)
			.list();
		return new Note(note.id(), note.title(), note.body(), note.slug(), note.wordCount(), note.archived(), tags,
				note.createdAt());
	}

	private static Note mapNote(ResultSet rs, int row) throws SQLException {
		return new Note(rs.getString("id"), rs.getString("title"), rs.getString("body"), rs.getString("slug"),
				rs.getInt("word_count"), rs.getBoolean("archived"), List.of(),
				rs.getTimestamp("created_at").toInstant());
	}

}
