package dev.migration.autogenerate;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.MigrationConfig;
import dev.migration.autogenerate.entities.Owner;
import dev.migration.autogenerate.entities.PetV1;
import dev.migration.autogenerate.entities.PetV4;
import dev.migration.command.Migrator;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated Java revisions (the default format) compile, run through the engine with the
 * operations API, and downgrade.
 */
class JavaRevisionTests {

	@TempDir
	Path directory;

	@ParameterizedTest
	@MethodSource("dev.migration.testing.TestDatabase#kinds")
	void generatedJavaRevisionsCompileUpgradeAndDowngrade(DatabaseKind kind) throws Exception {
		Path sources = this.directory.resolve("src/gen");
		Path classes = Files.createDirectories(this.directory.resolve("classes"));
		// an explicit location must exist (migration.fail-on-missing-locations), even
		// before
		// its first revision
		Files.createDirectories(classes.resolve("gen"));
		try (TestDatabase db = TestDatabase.create(kind);
				URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
						getClass().getClassLoader())) {
			MigrationConfig config = MigrationConfig.builder()
				.dataSource(db.dataSource())
				.classLoader(loader)
				.locations("classpath:gen")
				.build();
			Path first = generate(config, sources, classes, "Add owner and pet", Owner.class, PetV1.class);
			assertThat(Files.readString(first)).contains("op.createTable(CreateTable.of(\"owner\",",
					(kind == DatabaseKind.SQLITE) ? "Column.of(\"id\", ColumnType.integer()).asPrimaryKey()"
							: "Column.of(\"id\", ColumnType.bigint()).asPrimaryKey().asIdentity()");
			new Migrator(config).upgrade("heads");
			List<String> afterFirst = SchemaDiffTests.catalogue(db);
			Path second = generate(config, sources, classes, "Longer pet name", Owner.class, PetV4.class);
			assertThat(Files.readString(second)).contains(
					"op.alterColumn(AlterColumn.of(\"pet\", \"name\").type(ColumnType.string(80)).nullable(false)");
			new Migrator(config).upgrade("heads");
			assertThat(new Autogenerator(new Migrator(config))
				.check(DesiredSource.entities(List.of(Owner.class, PetV4.class)))
				.exitCode()).isZero();
			new Migrator(config).downgrade("-1");
			assertThat(SchemaDiffTests.catalogue(db)).isEqualTo(afterFirst);
			new Migrator(config).downgrade("base");
			assertThat(SchemaDiffTests.catalogue(db)).isEmpty();
		}
	}

	private static Path generate(MigrationConfig config, Path sources, Path classes, String message,
			Class<?>... entities) {
		Migrator migrator = new Migrator(config);
		Path file = Path
			.of(new RevisionAuthor(migrator.graph())
				.write(RevisionSpec.onHead(message), sources.resolve("java/gen"), RevisionAuthor.Format.JAVA,
						new Autogenerator(migrator).revisionBody(DesiredSource.entities(List.of(entities))))
				.location());
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int result = compiler.run(null, null, null, "-d", classes.toString(), "-cp",
				System.getProperty("java.class.path"), file.toString());
		assertThat(result).as("javac " + file).isZero();
		return file;
	}

}
