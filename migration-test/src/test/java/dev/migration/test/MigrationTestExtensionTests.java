package dev.migration.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@code @MigrationTest} as a user writes it: the nested classes are test classes run
 * through the JUnit engine here (surefire does not pick nested classes up), so that their
 * outcome and messages can be asserted.
 */
class MigrationTestExtensionTests {

	@EachDatabase
	void afterRevisionSeesRowsSeededBeforeIt(TestDatabase db) {
		KeptRows.dataSource = db.dataSource();
		Events tests = run(KeptRows.class);
		tests.assertStatistics((stats) -> stats.started(1).succeeded(1));
		assertThat(db.query("SELECT version_num FROM migration_version")).isEmpty();
	}

	@EachDatabase
	void afterRevisionCatchesADataMigrationThatLosesRows(TestDatabase db) {
		LostRows.dataSource = db.dataSource();
		Events tests = run(LostRows.class);
		tests.assertStatistics((stats) -> stats.started(1).failed(1));
		assertThat(failure(tests)).isInstanceOf(MigrationCheckFailure.class)
			.hasMessage("Data check after the upgrade to d2d2d2d2d2d2 (\"Move accounts to users\", " + Fixtures.LOSSY
					+ "/d2d2d2d2d2d2_move_accounts_to_users.sql) failed: "
					+ "[every account is carried over] \nexpected: 3\n but was: 2");
	}

	@Test
	void dynamicTestsRunEachCheckAndEachRevision() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			BuiltInChecks.dataSource = db.dataSource();
			Events tests = run(BuiltInChecks.class);
			tests.assertStatistics((stats) -> stats.started(12).succeeded(12));
			assertThat(tests.succeeded().stream().map((event) -> event.getTestDescriptor().getDisplayName()))
				.containsExactly("single head", "from base", "a1a1a1a1a1a1 Create accounts",
						"a2a2a2a2a2a2 Add email index", "a3a3a3a3a3a3 Add orders", "back to where it was", "from base",
						"a1a1a1a1a1a1 Create accounts", "a2a2a2a2a2a2 Add email index", "a3a3a3a3a3a3 Add orders",
						"back to where it was", "offline SQL matches");
		}
	}

	@Test
	void aTestWithoutADatabaseIsToldWhereTheKitLooks() {
		Events tests = run(NoDatabase.class);
		tests.assertStatistics((stats) -> stats.failed(1));
		assertThat(failure(tests)).hasMessageEndingWith(": " + NoDatabase.class.getName()
				+ " has no database for its migration tests: give it a field of type DataSource, Migrator, "
				+ "MigrationConfig or MigrationChecks, run it as a @SpringBootTest or @DataJpaTest with the "
				+ "migration starter, or set @MigrationTest(url = ...)");
	}

	private static Events run(Class<?> testClass) {
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
	}

	private static Throwable failure(Events tests) {
		return tests.failed()
			.stream()
			.findFirst()
			.orElseThrow()
			.getRequiredPayload(TestExecutionResult.class)
			.getThrowable()
			.orElseThrow();
	}

	static void insertAccounts(JdbcClient jdbc) {
		jdbc.sql("INSERT INTO accounts (id, email, status) VALUES (1, 'a@example.com', 'new'), "
				+ "(2, 'b@example.com', 'closed'), (3, 'c@example.com', 'new')")
			.update();
	}

	@MigrationTest(locations = { Fixtures.BASE, Fixtures.GOOD })
	static class KeptRows {

		static DataSource dataSource;

		@BeforeRevision("a2a2a2a2a2a2")
		void seed(JdbcClient jdbc) {
			insertAccounts(jdbc);
		}

		@AfterRevision("a2a2")
		void indexingKeepsTheRows(Connection connection) throws Exception {
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM accounts")) {
				rs.next();
				assertThat(rs.getInt(1)).isEqualTo(3);
			}
		}

	}

	@MigrationTest(locations = { Fixtures.BASE, Fixtures.LOSSY })
	static class LostRows {

		static DataSource dataSource;

		@BeforeRevision("d2d2d2d2d2d2")
		void seed(JdbcClient jdbc) {
			insertAccounts(jdbc);
		}

		@AfterRevision("d2d2d2d2d2d2")
		void everyAccountBecomesAUser(JdbcClient jdbc) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM users").query(Integer.class).single())
				.as("every account is carried over")
				.isEqualTo(3);
		}

	}

	@MigrationTest(locations = { Fixtures.BASE, Fixtures.GOOD })
	static class BuiltInChecks {

		static DataSource dataSource;

		@TestFactory
		Stream<DynamicNode> migrations(MigrationChecks checks) {
			return checks.dynamicTests();
		}

	}

	@MigrationTest
	static class NoDatabase {

		@Test
		void checks(MigrationChecks checks) {
			checks.singleHead();
		}

	}

}
