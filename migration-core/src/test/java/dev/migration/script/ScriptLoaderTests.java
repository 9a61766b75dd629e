package dev.migration.script;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.InvalidConfigurationException;
import dev.migration.Migration;
import dev.migration.MissingLocationException;
import dev.migration.MigrationConfig;
import dev.migration.MigrationContext;
import dev.migration.Revision;
import dev.migration.ScriptParseException;
import dev.migration.script.fixture.AddAuditColumn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScriptLoaderTests {

	private static final String FIXTURE = "classpath:dev/migration/script/fixture";

	@TempDir
	Path dir;

	static String script(String id, String revises) {
		return "-- migration: Step " + id + "\n-- revision: " + id + "\n-- revises: " + revises
				+ "\n\n-- +upgrade\nCREATE TABLE t_" + id + " (id INT);\n\n-- +downgrade\nDROP TABLE t_" + id + ";\n";
	}

	private Path write(String relative, String content) throws IOException {
		Path file = this.dir.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
		return file;
	}

	private static List<Revision> load(String... locations) {
		return ScriptLoader.load(MigrationConfig.builder().locations(locations).build());
	}

	@Test
	void loadsSqlFilesFromSubfoldersInPathOrder() throws IOException {
		write("b/0002_two.sql", script("r2", "r1"));
		write("a_0001_one.sql", script("r1", ""));
		write("b/a/0003_three.sql", script("r3", "r2"));
		write("notes.txt", "not a migration");
		List<Revision> revisions = load("filesystem:" + this.dir);
		assertThat(revisions).extracting(Revision::id).containsExactly("r1", "r2", "r3");
		assertThat(revisions).extracting(Revision::location)
			.containsExactly("filesystem:" + this.dir + "/a_0001_one.sql", "filesystem:" + this.dir + "/b/0002_two.sql",
					"filesystem:" + this.dir + "/b/a/0003_three.sql");
	}

	@Test
	void readsEveryHeaderField() throws IOException {
		write("x.sql", """
				-- migration: Add user table
				-- revision: 1a2b3c4d5e6f
				-- revises: 0f9e8d7c6b5a, 9e8d7c6b5a4f  77aa
				-- created: 2026-11-24T12:00:00Z
				-- branch-labels: auth, users
				-- depends-on: 3c4d5e6f7a8b
				-- transactional: FALSE
				-- free comments without a key are fine

				-- +upgrade
				CREATE TABLE users (id BIGINT PRIMARY KEY);
				""");
		Revision revision = load("filesystem:" + this.dir).get(0);
		assertThat(revision)
			.isEqualTo(new Revision("1a2b3c4d5e6f", "Add user table", List.of("0f9e8d7c6b5a", "9e8d7c6b5a4f", "77aa"),
					List.of("3c4d5e6f7a8b"), List.of("auth", "users"), Instant.parse("2026-11-24T12:00:00Z"), false,
					Revision.Kind.SQL, "filesystem:" + this.dir + "/x.sql", revision.checksum(), revision.migration()));
		assertThat(revision.migration()).isInstanceOf(SqlMigration.class);
		assertThat(revision.checksum()).hasSize(64);
	}

	@Test
	void anEmptyOrMissingRevisesMakesARoot() throws IOException {
		write("a.sql", "-- revision: a\n-- revises:\n-- +upgrade\nSELECT 1;");
		write("b.sql", "-- revision: b\n-- +upgrade\nSELECT 1;");
		assertThat(load("filesystem:" + this.dir)).allSatisfy((revision) -> {
			assertThat(revision.isBase()).isTrue();
			assertThat(revision.transactional()).isTrue();
			assertThat(revision.created()).isNull();
			assertThat(revision.message()).isEmpty();
		});
	}

	@Test
	void acceptsOffsetAndLocalCreatedTimes() throws IOException {
		write("a.sql", "-- revision: a\n-- created: 2026-11-24T13:00:00+01:00\n-- +upgrade\n");
		write("b.sql", "-- revision: b\n-- created: 2026-11-24T12:00:00\n-- +upgrade\n");
		assertThat(load("filesystem:" + this.dir)).extracting(Revision::created)
			.containsOnly(Instant.parse("2026-11-24T12:00:00Z"));
	}

	@Test
	void splitsSectionsAtTheirMarkersWithFileLines() throws IOException {
		write("x.sql", "-- revision: x\n\n-- +upgrade\nCREATE TABLE a (id INT);\n\nCREATE TABLE b (id INT);\n"
				+ "--  +downgrade  \nDROP TABLE b;\nDROP TABLE a;\n");
		SqlMigration migration = (SqlMigration) load("filesystem:" + this.dir).get(0).migration();
		assertThat(migration.statements(dev.migration.HistoryEntry.Direction.UPGRADE, dev.migration.sql.Dialect.H2))
			.containsExactly(new SqlStatement("CREATE TABLE a (id INT)", 1, 4),
					new SqlStatement("CREATE TABLE b (id INT)", 2, 6));
		assertThat(migration.statements(dev.migration.HistoryEntry.Direction.DOWNGRADE, dev.migration.sql.Dialect.H2))
			.containsExactly(new SqlStatement("DROP TABLE b", 1, 8), new SqlStatement("DROP TABLE a", 2, 9));
	}

	@Test
	void checksumIgnoresByteOrderMarkAndLineEndings() throws IOException {
		String lf = script("r1", "");
		Files.createDirectories(this.dir.resolve("lf"));
		Files.createDirectories(this.dir.resolve("crlf"));
		Files.writeString(this.dir.resolve("lf/x.sql"), lf);
		Files.writeString(this.dir.resolve("crlf/x.sql"), "\uFEFF" + lf.replace("\n", "\r\n"));
		String fromLf = load("filesystem:" + this.dir.resolve("lf")).get(0).checksum();
		String fromCrlf = load("filesystem:" + this.dir.resolve("crlf")).get(0).checksum();
		assertThat(fromCrlf).isEqualTo(fromLf).isEqualTo(Checksums.sha256(lf));
		assertThat(Checksums.sha256("\uFEFFa\r\nb\rc")).isEqualTo(Checksums.sha256("a\nb\nc"))
			.isEqualTo("ea7fb08b7a2dc4619ffb7c7bb38d95a2047935fa165d71b12efd3852a2e6d0cc");
	}

	@Test
	void checksumOfNonAsciiScriptIsThatOfItsText() throws IOException {
		// a script holding U+FFFD itself is valid UTF-8: decoded strictly, not refused
		String text = script("r1", "").replace("-- +upgrade", "-- café, \uFFFD and \u20AC\n-- +upgrade");
		Files.writeString(this.dir.resolve("x.sql"), text);
		Revision revision = load("filesystem:" + this.dir).get(0);
		assertThat(revision.checksum()).isEqualTo(Checksums.sha256(text));
	}

	@Test
	void scansClasspathDirectoriesForSqlFilesAndJavaMigrations() {
		List<Revision> revisions = load(FIXTURE);
		assertThat(revisions).extracting(Revision::id, Revision::kind, Revision::location)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("a1b2c3d4e5f6", Revision.Kind.SQL,
							FIXTURE + "/a1b2c3d4e5f6_create_users.sql"),
					org.assertj.core.groups.Tuple.tuple("c3d4e5f6a7b8", Revision.Kind.SQL,
							FIXTURE + "/more/c3d4e5f6a7b8_add_index.sql"),
					org.assertj.core.groups.Tuple.tuple("b2c3d4e5f6a7", Revision.Kind.JAVA,
							AddAuditColumn.class.getName()));
		Revision java = revisions.get(2);
		assertThat(java).isEqualTo(
				new Revision("b2c3d4e5f6a7", "Add audit column", List.of("a1b2c3d4e5f6"), List.of("c3d4e5f6a7b8"),
						List.of("audit"), Instant.parse("2026-11-24T13:00:00Z"), false, Revision.Kind.JAVA,
						AddAuditColumn.class.getName(), Checksums.ofClass(AddAuditColumn.class), java.migration()));
		assertThat(java.migration()).isInstanceOf(AddAuditColumn.class);
		assertThat(java.migration().hasDowngrade()).isFalse();
	}

	@Test
	void aBarePathMeansTheClasspath() {
		assertThat(load("dev/migration/script/fixture/")).extracting(Revision::location)
			.contains("dev/migration/script/fixture/a1b2c3d4e5f6_create_users.sql");
	}

	@Test
	void loadsSeveralLocationsInConfiguredOrder() throws IOException {
		write("z.sql", script("fs1", ""));
		assertThat(load("filesystem:" + this.dir, FIXTURE)).extracting(Revision::id)
			.containsExactly("fs1", "a1b2c3d4e5f6", "c3d4e5f6a7b8", "b2c3d4e5f6a7");
	}

	@Test
	void scansJars() throws IOException {
		Path jar = this.dir.resolve("migrations.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			entry(out, "db/", null);
			entry(out, "db/migration/", null);
			entry(out, "db/migration/r2_two.sql", script("r2", "r1"));
			entry(out, "db/migration/r1_one.sql", script("r1", ""));
			entry(out, "db/migration/sub/r3_three.sql", script("r3", "r2"));
			entry(out, "db/migration/readme.txt", "not a migration");
			entry(out, "db/other/r9.sql", script("r9", ""));
		}
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<Revision> revisions = ScriptLoader
				.load(MigrationConfig.builder().classLoader(loader).locations("classpath:db/migration").build());
			assertThat(revisions).extracting(Revision::location)
				.containsExactly("classpath:db/migration/r1_one.sql", "classpath:db/migration/r2_two.sql",
						"classpath:db/migration/sub/r3_three.sql");
			assertThat(revisions.get(0).checksum()).isEqualTo(Checksums.sha256(script("r1", "")));
		}
		// the loader closed only its own handle on the jar
		Files.delete(jar);
	}

	private static void entry(JarOutputStream out, String name, String content) throws IOException {
		out.putNextEntry(new JarEntry(name));
		if (content != null) {
			out.write(content.getBytes(StandardCharsets.UTF_8));
		}
		out.closeEntry();
	}

	@Test
	void rejectsAFileThatIsNotUtf8NamingItsLocation() throws IOException {
		Path file = this.dir.resolve("latin1.sql");
		Files.write(file,
				"-- revision: ab12\n-- migration: Caf\u00e9\n-- +upgrade\n".getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(() -> load("filesystem:" + this.dir))
			.withMessage("filesystem:" + this.dir + "/latin1.sql:2: not valid UTF-8: byte 0xE9 at byte offset 35; "
					+ "save the file as UTF-8")
			.satisfies((ex) -> {
				assertThat(ex.getLocation()).isEqualTo("filesystem:" + this.dir + "/latin1.sql");
				assertThat(ex.getLine()).isEqualTo(2);
			});
	}

	@Test
	void rejectsAMissingClasspathLocation() {
		assertThatExceptionOfType(MissingLocationException.class).isThrownBy(() -> load("classpath:no/such/place"))
			.withMessage("Invalid configuration: 'migration.locations' names classpath:no/such/place, which does not "
					+ "exist: no directory no/such/place on the class path (in a jar, the directory needs its own "
					+ "entry, as jar tools write by default). Fix the location (or create it), or set "
					+ "migration.fail-on-missing-locations=false to continue without it")
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo("classpath:no/such/place"));
	}

	@Test
	void rejectsAMissingFilesystemLocation() {
		Path missing = this.dir.resolve("missing");
		assertThatExceptionOfType(MissingLocationException.class).isThrownBy(() -> load("filesystem:" + missing))
			.withMessage("Invalid configuration: 'migration.locations' names filesystem:" + missing
					+ ", which does not exist: no directory " + missing + ". Fix the location (or create it), or set "
					+ "migration.fail-on-missing-locations=false to continue without it");
	}

	@Test
	void aMissingLocationYieldsNothingWhenNotStrict() {
		Path missing = this.dir.resolve("missing");
		assertThat(ScriptLoader.load(MigrationConfig.builder()
			.locations("classpath:no/such/place", "filesystem:" + missing)
			.failOnMissingLocations(false)
			.build())).isEmpty();
	}

	@Test
	void theDefaultLocationMayBeAbsent() {
		ClassLoader empty = new java.net.URLClassLoader(new java.net.URL[0], null);
		assertThat(ScriptLoader.load(MigrationConfig.builder().classLoader(empty).build())).isEmpty();
	}

	@Test
	void rejectsAnUnknownLocationPrefix() {
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> load("s3:bucket/db"))
			.withMessage("Invalid configuration: 'locations' 's3:bucket/db' has an unknown prefix; use "
					+ "classpath:path/in/jar or filesystem:/path/on/disk");
	}

	@Test
	void takesJavaMigrationsFromTheConfiguration() {
		Migration bean = new Bean();
		List<Revision> revisions = ScriptLoader
			.load(MigrationConfig.builder().locations(List.of()).migrations(List.of(bean)).build());
		assertThat(revisions).singleElement().satisfies((revision) -> {
			assertThat(revision.id()).isEqualTo("beef01");
			assertThat(revision.revises()).containsExactly("cafe01", "cafe02");
			assertThat(revision.location()).isEqualTo(Bean.class.getName());
			assertThat(revision.migration()).isSameAs(bean);
			assertThat(revision.checksum()).isEqualTo("bean-checksum");
		});
	}

	@Test
	void findsTheAnnotationOfAProxiedBeanOnItsSuperclass() {
		Migration proxy = new Bean() {
		};
		assertThat(ScriptLoader.load(MigrationConfig.builder().locations(List.of()).migrations(List.of(proxy)).build()))
			.singleElement()
			.satisfies((revision) -> assertThat(revision.location()).isEqualTo(Bean.class.getName()));
	}

	@Test
	void aScannedClassAlsoGivenAsBeanIsTakenOnceAsTheBean() {
		AddAuditColumn bean = new AddAuditColumn();
		List<Revision> revisions = ScriptLoader
			.load(MigrationConfig.builder().locations(FIXTURE).migrations(List.of(bean)).build());
		assertThat(revisions).filteredOn((revision) -> revision.kind() == Revision.Kind.JAVA)
			.singleElement()
			.satisfies((revision) -> assertThat(revision.migration()).isSameAs(bean));
	}

	/** Loading the Java migration bean fails with the message. */
	private static void assertBeanRefused(Migration bean, String message) {
		assertThatExceptionOfType(ScriptParseException.class)
			.isThrownBy(() -> ScriptLoader
				.load(MigrationConfig.builder().locations(List.of()).migrations(List.of(bean)).build()))
			.withMessage(message);
	}

	@Test
	void rejectsABeanWithoutRevisionInfo() {
		assertBeanRefused(new Unannotated(),
				Unannotated.class.getName() + ": Java migration has no @RevisionInfo; annotate the class, "
						+ "e.g. @RevisionInfo(id = \"1a2b3c4d5e6f\", revises = \"0f9e8d7c6b5a\", message = \"...\")");
	}

	@Test
	void rejectsAMalformedCreatedOnAJavaMigration() {
		assertBeanRefused(new BadCreated(),
				BadCreated.class.getName() + ": @RevisionInfo(created = \"yesterday\") is not an ISO-8601 "
						+ "date-time; write e.g. created = \"2026-11-24T12:00:00Z\"");
	}

	@Test
	@Tag("reliability")
	void loadsTenThousandFiles() throws IOException {
		Path folder = Files.createDirectories(this.dir.resolve("v"));
		for (int i = 0; i < 10_000; i++) {
			String id = String.format("%012x", i);
			Files.writeString(folder.resolve(id + "_step.sql"),
					script(id, (i == 0) ? "" : String.format("%012x", i - 1)));
		}
		List<Revision> revisions = load("filesystem:" + folder);
		assertThat(revisions).hasSize(10_000);
		assertThat(revisions.get(9_999).revises()).containsExactly(String.format("%012x", 9_998));
	}

	@dev.migration.RevisionInfo(id = "beef01", revises = { "cafe01", "cafe02" })
	static class Bean implements Migration {

		@Override
		public void upgrade(MigrationContext context) {
		}

		@Override
		public String checksum() {
			return "bean-checksum";
		}

	}

	static class Unannotated implements Migration {

		@Override
		public void upgrade(MigrationContext context) {
		}

	}

	@dev.migration.RevisionInfo(id = "bad01", created = "yesterday")
	static class BadCreated implements Migration {

		@Override
		public void upgrade(MigrationContext context) {
		}

	}

}
