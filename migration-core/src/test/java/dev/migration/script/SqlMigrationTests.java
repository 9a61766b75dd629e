package dev.migration.script;

import org.junit.jupiter.api.Test;

import dev.migration.DowngradeNotSupportedException;
import dev.migration.HistoryEntry.Direction;
import dev.migration.sql.Dialect;
import dev.migration.testing.TestContext;

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
		TestContext context = TestContext.offline(Dialect.H2);
		this.withDowngrade.upgrade(context);
		assertThat(context.statements()).containsExactly("CREATE TABLE a (id INT)", "CREATE TABLE b (id INT)");
	}

	@Test
	void downgradeExecutesTheDowngradeSection() {
		TestContext context = TestContext.offline(Dialect.H2);
		this.withDowngrade.downgrade(context);
		assertThat(context.statements()).containsExactly("DROP TABLE b", "DROP TABLE a");
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
			.isThrownBy(() -> this.withoutDowngrade.downgrade(TestContext.offline(Dialect.H2)))
			.withMessage("Cannot downgrade revision ab12: " + FILE + " has no downgrade. Add a '-- +downgrade' "
					+ "section (or override downgrade()), or move the version table with 'stamp'")
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo(FILE));
	}

	@Test
	void exposesTheChecksum() {
		assertThat(this.withDowngrade.checksum()).isEqualTo("sum");
	}

}
