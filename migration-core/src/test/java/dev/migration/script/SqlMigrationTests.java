package dev.migration.script;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.DowngradeNotSupportedException;
import dev.migration.HistoryEntry.Direction;
import dev.migration.MigrationContext;
import dev.migration.Revision;
import dev.migration.sql.Dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SqlMigrationTests {

	private static final String FILE = "classpath:db/migration/ab12_x.sql";

	private final SqlMigration withDowngrade = new SqlMigration("ab12", FILE,
			"CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n", 7, "DROP TABLE b;\nDROP TABLE a;\n", 11, "sum");

	private final SqlMigration withoutDowngrade = new SqlMigration("ab12", FILE, "CREATE TABLE a (id INT);", 7, null, 0,
			"sum");

	@Test
	void upgradeExecutesEveryStatementInOrder() {
		RecordingContext context = new RecordingContext();
		this.withDowngrade.upgrade(context);
		assertThat(context.executed).containsExactly("CREATE TABLE a (id INT)", "CREATE TABLE b (id INT)");
	}

	@Test
	void downgradeExecutesTheDowngradeSection() {
		RecordingContext context = new RecordingContext();
		this.withDowngrade.downgrade(context);
		assertThat(context.executed).containsExactly("DROP TABLE b", "DROP TABLE a");
		assertThat(this.withDowngrade.hasDowngrade()).isTrue();
	}

	@Test
	void statementsCarryFileLines() {
		assertThat(this.withDowngrade.statements(Direction.DOWNGRADE, Dialect.POSTGRESQL))
			.containsExactly(new SqlStatement("DROP TABLE b", 1, 11), new SqlStatement("DROP TABLE a", 2, 12));
	}

	@Test
	void statementsAreSplitOncePerDialect() {
		assertThat(this.withDowngrade.statements(Direction.UPGRADE, Dialect.MYSQL))
			.isSameAs(this.withDowngrade.statements(Direction.UPGRADE, Dialect.MYSQL));
	}

	@Test
	void aStampRunsNothing() {
		assertThat(this.withDowngrade.statements(Direction.STAMP, Dialect.H2)).isEmpty();
	}

	@Test
	void withoutDowngradeSectionDowngradeIsRefused() {
		assertThat(this.withoutDowngrade.hasDowngrade()).isFalse();
		assertThatExceptionOfType(DowngradeNotSupportedException.class)
			.isThrownBy(() -> this.withoutDowngrade.downgrade(new RecordingContext()))
			.withMessage("Cannot downgrade revision ab12: " + FILE + " has no downgrade. Add a '-- +downgrade' "
					+ "section (or override downgrade()), or move the version table with 'stamp'")
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo(FILE));
	}

	@Test
	void exposesTheChecksum() {
		assertThat(this.withDowngrade.checksum()).isEqualTo("sum");
	}

	/** Records what a migration executes (no database involved). */
	static final class RecordingContext implements MigrationContext {

		final List<String> executed = new ArrayList<>();

		@Override
		public Revision revision() {
			return Revision.of("ab12");
		}

		@Override
		public Dialect dialect() {
			return Dialect.H2;
		}

		@Override
		public boolean isOffline() {
			return true;
		}

		@Override
		public Connection connection() {
			throw new UnsupportedOperationException("offline");
		}

		@Override
		public void execute(String sql) {
			this.executed.add(sql);
		}

	}

}
