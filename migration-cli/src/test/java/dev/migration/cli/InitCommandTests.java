package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class InitCommandTests {

	@TempDir
	Path dir;

	@Test
	void initCreatesScriptsFolderAndApplicationYmlOnEmbeddedH2() throws IOException {
		CliRunner.Result result = new CliRunner(this.dir).run("init");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(this.dir.resolve("db/migration")).isEmptyDirectory();
		assertThat(Files.readString(this.dir.resolve("application.yml"))).contains("url: jdbc:h2:file:./data/app")
			.contains("username: sa")
			.contains("locations: filesystem:db/migration");
		assertThat(result.out()).isEqualTo("""
				Created db/migration/ for revision scripts
				Created application.yml (embedded H2 database in data/)
				Next: migration revision -m "create account table", write its SQL, then migration upgrade
				""");
	}

	@Test
	void initWithSqliteWritesASqliteUrlAndItsDataFolder() throws IOException {
		CliRunner.Result result = new CliRunner(this.dir).run("init", "project", "--database", "sqlite");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(Files.readString(this.dir.resolve("project/application.yml")))
			.contains("url: jdbc:sqlite:data/app.db");
		assertThat(this.dir.resolve("project/data")).isDirectory();
		assertThat(result.out())
			.contains("Created project/application.yml (embedded SQLite database in project/data/)");
	}

	@Test
	void initRefusesANonEmptyDirectory() throws IOException {
		Files.writeString(this.dir.resolve("notes.txt"), "mine");
		CliRunner.Result result = new CliRunner(this.dir).run("init");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("Error: Directory " + this.dir
				+ " is not empty; 'migration init' only fills a new or empty directory. Run it in an empty one, "
				+ "or name a new one: 'migration init my-project'\n");
		assertThat(this.dir.resolve("application.yml")).doesNotExist();
	}

	@Test
	void initRejectsAnUnknownDatabaseAsAUsageError() {
		CliRunner.Result result = new CliRunner(this.dir).run("init", "--database", "oracle");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("Invalid value for option '--database': expected one of [H2, SQLITE] "
				+ "(case-insensitive) but was 'oracle'");
	}

}
