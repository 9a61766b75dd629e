package dev.migration.autogenerate;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Comment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate's {@code @Comment} on tables and columns: added, changed (a quote in it),
 * removed, kept through a column's type change (MariaDB's {@code MODIFY} would drop it)
 * and a rename, restored with a dropped column; each step upgraded, validated by
 * Hibernate, checked clean and downgraded back to the comments before.
 */
class CommentsTests {

	@ParameterizedTest
	@MethodSource("dev.migration.autogenerate.HibernateOracleTests#kinds")
	void commentsRoundTripWithHibernatesApproval(DatabaseKind kind) throws Exception {
		List<ModelSeriesTests.Step> steps = List.of(ModelSeriesTests.Step.of("no comments", V0.class),
				ModelSeriesTests.Step.of("comments added", V1.class),
				ModelSeriesTests.Step.of("comments changed, a type changed, a column dropped", V2.class),
				ModelSeriesTests.Step.of("a commented column renamed", V3.class, "note_c.title=heading"));
		try (TestDatabase db = TestDatabase.create(kind); Connection connection = db.connect()) {
			for (ModelSeriesTests.Step step : steps) {
				ModelSeriesTests.roundTrip(db, connection, step, (diff) -> {
				}, () -> {
				});
			}
			assertThat(comments(db, connection)).isEqualTo(Map.of("note_c", "Notes, \"kept\"", "note_c.heading",
					"The title of the note", "note_c.body", "Text, \"quoted\""));
			// Hibernate writes a quote in @Comment unescaped (its own DDL then fails);
			// autogenerate's statements escape it
			SchemaModel live = SchemaDiffTests.read(db, connection);
			dev.migration.op.Column body = live.table("note_c").orElseThrow().table().column("body").orElseThrow();
			new JdbcContext(db.dialect(), connection).op()
				.run(Comments.set("note_c", body, "it's \\ here", db.dialect()));
			assertThat(comments(db, connection)).containsEntry("note_c.body", "it's \\ here");
		}
	}

	@ParameterizedTest
	@MethodSource("dev.migration.autogenerate.HibernateOracleTests#kinds")
	void hibernatesOwnCommentsCheckClean(DatabaseKind kind) throws Exception {
		List<Class<?>> model = List.of(V2.Note.class);
		try (TestDatabase db = TestDatabase.create(kind);
				Connection connection = db.connect();
				HibernateOracle hibernate = new HibernateOracle(db, model)) {
			hibernate.create();
			SchemaModel desired = DesiredSchema.fromEntities(model, db.dialect(), connection);
			assertThat(desired.comments()).containsEntry("note_c.title", "The title of the note");
			assertThat(HibernateOracleTests.differences(db, connection, desired)).isEmpty();
			hibernate.drop();
		}
	}

	private static Map<String, String> comments(TestDatabase db, Connection connection) {
		return new TreeMap<>(SchemaDiffTests.read(db, connection).comments());
	}

	/** The key no step changes. */
	@MappedSuperclass
	abstract static class NoteId {

		@Id
		Long id;

	}

	/** The body as steps 2 and 3 keep it: longer, required, its comment unchanged. */
	@MappedSuperclass
	abstract static class KeptNote extends NoteId {

		@Column(length = 400, nullable = false)
		@Comment("Text, \"quoted\"")
		String body;

	}

	static final class V0 {

		@Entity(name = "NoteV0")
		@Table(name = "note_c")
		static class Note extends NoteId {

			@Column(length = 50)
			String title;

			@Column(length = 200)
			String body;

		}

	}

	static final class V1 {

		@Entity(name = "NoteV1")
		@Table(name = "note_c")
		@Comment("Notes")
		static class Note extends NoteId {

			@Column(length = 50)
			@Comment("Title")
			String title;

			@Column(length = 200)
			@Comment("Text, \"quoted\"")
			String body;

			@Column(length = 30)
			@Comment("Who wrote it")
			String author;

		}

	}

	static final class V2 {

		@Entity(name = "NoteV2")
		@Table(name = "note_c")
		@Comment("Notes, \"kept\"")
		static class Note extends KeptNote {

			@Column(length = 50)
			@Comment("The title of the note")
			String title;

		}

	}

	static final class V3 {

		@Entity(name = "NoteV3")
		@Table(name = "note_c")
		@Comment("Notes, \"kept\"")
		static class Note extends KeptNote {

			@Column(name = "heading", length = 50)
			@Comment("The title of the note")
			String title;

		}

	}

}
