package dev.migration.sample.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.migration.Migration;
import dev.migration.MigrationContext;
import dev.migration.RevisionInfo;
import dev.migration.sample.NoteText;

/**
 * A data migration: fills {@code slug} and {@code word_count} (added empty by
 * {@code e8c0a2b4d657}) for notes written before they existed. A Spring bean, so it uses
 * the same {@link NoteText} as the API; the starter adds every {@link Migration} bean to
 * the revision graph beside the SQL scripts.
 */
@Component
@RevisionInfo(id = "f3d5e7a9b168", revises = "e8c0a2b4d657", message = "Backfill note slugs and word counts",
		created = "2026-11-25T10:00:00Z")
public class BackfillSlugAndWordCount implements Migration {

	private static final Logger logger = LoggerFactory.getLogger(BackfillSlugAndWordCount.class);

	private final NoteText text;

	public BackfillSlugAndWordCount(NoteText text) {
		this.text = text;
	}

	@Override
	public void upgrade(MigrationContext context) throws Exception {
		Connection connection = context.connection();
		// Read first, then update: some drivers do not allow updates while a result set
		// on the same connection is open.
		Map<String, String[]> pending = new LinkedHashMap<>();
		try (PreparedStatement select = connection
			.prepareStatement("SELECT id, title, body FROM notes WHERE slug IS NULL OR word_count IS NULL");
				ResultSet rs = select.executeQuery()) {
			while (rs.next()) {
				pending.put(rs.getString("id"), new String[] { rs.getString("title"), rs.getString("body") });
			}
		}
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE notes SET slug = ?, word_count = ? WHERE id = ?")) {
			for (Map.Entry<String, String[]> note : pending.entrySet()) {
				update.setString(1, this.text.slug(note.getValue()[0]));
				update.setInt(2, this.text.wordCount(note.getValue()[1]));
				update.setString(3, note.getKey());
				update.addBatch();
			}
			if (!pending.isEmpty()) {
				update.executeBatch();
			}
		}
		logger.info("{}: backfilled slug and word count of {} notes", context.revision().id(), pending.size());
	}

	@Override
	public void downgrade(MigrationContext context) throws Exception {
		// The columns themselves belong to e8c0a2b4d657; reverting the backfill empties
		// them.
		context.execute("UPDATE notes SET slug = NULL, word_count = NULL");
	}

}
