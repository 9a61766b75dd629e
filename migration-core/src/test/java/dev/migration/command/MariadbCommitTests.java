package dev.migration.command;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.MigrationFailedException;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Commits per revision on MariaDB, where each one is a log flush: a stepwise revision's
 * bookkeeping rides on the implicit commits MariaDB makes before DDL, so a revision of
 * DDL, DDL and a data change costs the floor's three commits (one per DDL, one for the
 * data change and the bookkeeping) plus two: the history row before the first statement
 * and the first statement's progress before the second. Also the failure paths of that
 * folding, on the real server.
 */
class MariadbCommitTests {

	/** First words of statements MariaDB commits implicitly before and after. */
	private static final Set<String> DDL = Set.of("create", "alter", "drop", "rename", "truncate");

	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "replace");

	@TempDir
	Path dir;

	@Test
	void ddlDdlDmlRevisionCostsTwoCommitsBesideTheFloors() {
		Scripts scripts = new Scripts(this.dir);
		scripts.add("r1", "", "CREATE TABLE mc_base (id INT PRIMARY KEY);", null);
		for (int i = 2; i <= 4; i++) {
			scripts.add("r" + i, "r" + (i - 1),
					"CREATE TABLE mc_" + i + " (id INT PRIMARY KEY, s VARCHAR(10));\n" + "CREATE INDEX ix_mc_" + i
							+ " ON mc_" + i + " (s);\n" + "INSERT INTO mc_" + i + " VALUES (1, 'a');",
					null);
		}
		try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB)) {
			CommitModel revision = perRevision(scripts, db);
			// the floor: CREATE TABLE, CREATE INDEX, the INSERT with its bookkeeping
			assertThat(revision.commits).as("commits of one revision: %s", revision.log).isEqualTo(5);
			assertThat(revision.explicitCommits).as("explicit commits: %s", revision.log).isEqualTo(1);
			assertThat(db.query("SELECT revision, statements_done, success FROM migration_history "
					+ "WHERE revision <> 'r1' ORDER BY id"))
				.containsExactly(List.of("r2", "3", "1"), List.of("r3", "3", "1"), List.of("r4", "3", "1"));
			assertThat(db.query("SELECT count(*) FROM mc_4")).containsExactly(List.of("1"));
		}
	}

	@Test
	void dataChangesShareOneCommitAfterTheHistoryRow() {
		Scripts scripts = new Scripts(this.dir);
		scripts.add("r1", "", "CREATE TABLE mc_base (id INT PRIMARY KEY, n INT);", null);
		for (int i = 2; i <= 4; i++) {
			scripts.add("r" + i, "r" + (i - 1), "INSERT INTO mc_base VALUES (" + i
					+ ", 0);\nUPDATE mc_base SET n = n + 1;\nDELETE FROM mc_base " + "WHERE id = 0;", null);
		}
		try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB)) {
			CommitModel revision = perRevision(scripts, db);
			// the history row before the first data change (a kill must find it when a
			// table cannot roll back), then the changes with the bookkeeping
			assertThat(revision.commits).as("commits of one revision: %s", revision.log).isEqualTo(2);
			assertThat(db.query("SELECT id, n FROM mc_base ORDER BY id")).containsExactly(List.of("2", "3"),
					List.of("3", "2"), List.of("4", "1"));
		}
	}

	@Test
	void failingDataChangeKeepsTheChangesBeforeIt() {
		failedUpgrade("INSERT INTO mc_base VALUES (1);\nUPDATE mc_base SET id = 2;\nINSERT INTO mc_base VALUES (2);\n"
				+ "CREATE TABLE mc_never (id INT);", 3, 2, (ex, db) -> {
					assertThat(ex.getDatabaseMessage()).contains("Duplicate entry '2'");
					assertThat(db.query("SELECT id FROM mc_base")).containsExactly(List.of("2"));
				});
	}

	@Test
	void failingDdlAfterDdlAndDataChangeRecordsExactlyWhatRan() {
		failedUpgrade(
				"CREATE TABLE mc_t (id INT PRIMARY KEY);\nINSERT INTO mc_t VALUES (1);\n"
						+ "CREATE TABLE mc_t (id INT PRIMARY KEY);\nCREATE TABLE mc_never (id INT);",
				3, 2, (ex, db) -> {
					assertThat(ex.getMessage()).contains("Statements 1-2 of 4 already ran and stayed committed");
					assertThat(db.query("SELECT count(*) FROM mc_t")).containsExactly(List.of("1"));
					assertThat(Rows.userTables(db)).doesNotContain("mc_never");
				});
	}

	@Test
	void parseErrorAfterDataChangeCommitsTheChangeWithTheFailure() {
		// MariaDB does not commit before a statement it cannot parse: the data change and
		// its progress row are still open when the failure is recorded
		failedUpgrade("CREATE TABLE mc_t (id INT PRIMARY KEY);\nINSERT INTO mc_t VALUES (1);\n"
				+ "CREAT TABLE mc_oops (id INT);", 3, 2, (ex, db) -> {
					assertThat(ex.getDatabaseMessage()).contains("SQL syntax");
					assertThat(db.query("SELECT count(*) FROM mc_t")).containsExactly(List.of("1"));
				});
	}

	@Test
	void parseErrorAsFirstStatementLeavesTheRowAndChangesNothing() {
		// the history row's opening waits for the first statement's implicit commit,
		// which a parse error does not make: the failure commits it
		failedUpgrade("CREAT TABLE mc_oops (id INT);\nCREATE TABLE mc_never (id INT);", 1, 0, (ex, db) -> {
			assertThat(ex.getMessage()).contains("No statement of it had completed");
			assertThat(Rows.userTables(db)).containsExactly("mc_base");
		});
	}

	/**
	 * Upgrade to r2 (after r1, which creates {@code mc_base}), which fails at statement
	 * {@code index} with {@code completed} statements done: the exception and the history
	 * row say so, the version table still says r1; then the test's own checks.
	 */
	private void failedUpgrade(String upgrade, int index, int completed,
			BiConsumer<MigrationFailedException, TestDatabase> checks) {
		Scripts scripts = new Scripts(this.dir);
		scripts.add("r1", "", "CREATE TABLE mc_base (id INT PRIMARY KEY);", null);
		scripts.add("r2", "r1", upgrade, null);
		try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB)) {
			Migrator migrator = scripts.migrator(db);
			migrator.upgrade("r1");
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.satisfies((ex) -> {
					assertThat(ex.getStatementIndex()).isEqualTo(index);
					assertThat(ex.getStatementsCompleted()).isEqualTo(completed);
					checks.accept(ex, db);
				});
			assertThat(db.query("SELECT statements_done, success FROM migration_history WHERE revision = 'r2'"))
				.containsExactly(List.of(String.valueOf(completed), "0"));
			assertThat(migrator.current()).containsExactly("r1");
		}
	}

	/**
	 * The commits of one revision: r1 applied, then r2 counted, then r3 and r4 (made like
	 * r2) counted: the difference, which leaves out what every run costs.
	 */
	private static CommitModel perRevision(Scripts scripts, TestDatabase db) {
		scripts.migrator(db).upgrade("r1");
		CommitModel one = new CommitModel();
		new Migrator(scripts.config(db).dataSource(one.counting(db.dataSource())).build()).upgrade("r2");
		CommitModel two = new CommitModel();
		new Migrator(scripts.config(db).dataSource(two.counting(db.dataSource())).build()).upgrade("r4");
		two.commits -= one.commits;
		two.explicitCommits -= one.explicitCommits;
		return two;
	}

	/**
	 * Counts the commits a session makes as MariaDB makes them: a write in auto-commit, a
	 * {@code COMMIT} (or a return to auto-commit) after writes, and a DDL statement,
	 * which commits the writes open before it and then itself.
	 */
	private static final class CommitModel {

		final List<String> log = new ArrayList<>();

		int commits;

		int explicitCommits;

		private boolean autoCommit = true;

		private boolean dirty;

		DataSource counting(DataSource target) {
			return proxy(DataSource.class, target, (method, args) -> {
			});
		}

		private void statement(String sql) {
			String text = sql.strip().toLowerCase(Locale.ROOT);
			String word = text.split("[^a-z]", 2)[0];
			if (DDL.contains(word)) {
				if (this.dirty) {
					flush("implicit commit before " + sql);
				}
				flush(sql);
				this.dirty = false;
			}
			else if (WRITES.contains(word)) {
				if (this.autoCommit) {
					flush(sql);
				}
				else {
					this.dirty = true;
				}
			}
		}

		private void flush(String what) {
			this.commits++;
			this.log.add(what.split("\n", 2)[0]);
		}

		private void connectionCall(Method method, Object[] args) {
			switch (method.getName()) {
				case "commit" -> {
					this.explicitCommits++;
					if (this.dirty) {
						flush("commit");
					}
					this.dirty = false;
				}
				case "rollback" -> this.dirty = false;
				case "setAutoCommit" -> {
					boolean on = (Boolean) args[0];
					if (on && !this.autoCommit && this.dirty) {
						flush("auto-commit on");
					}
					this.dirty = this.dirty && !on;
					this.autoCommit = on;
				}
				default -> {
				}
			}
		}

		private <T> T proxy(Class<T> type, Object target, Before before) {
			List<String> batch = new ArrayList<>();
			return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type },
					(proxy, method, args) -> {
						String name = method.getName();
						before.call(method, args);
						if (target instanceof Statement) {
							if (name.equals("addBatch") && args != null && args.length == 1) {
								batch.add((String) args[0]);
							}
							else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
								batch.forEach(this::statement);
								batch.clear();
							}
							else if (name.startsWith("execute") && args != null && args.length > 0
									&& args[0] instanceof String sql) {
								statement(sql);
							}
						}
						Object result;
						try {
							result = method.invoke(target, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
						if (result instanceof Connection connection) {
							return proxy(Connection.class, connection, this::connectionCall);
						}
						if (result instanceof PreparedStatement prepared && args != null
								&& args[0] instanceof String sql) {
							return proxy(PreparedStatement.class, prepared, (m, a) -> {
								if (m.getName().startsWith("execute") && (a == null || a.length == 0)) {
									statement(sql);
								}
							});
						}
						if (result instanceof Statement statement) {
							return proxy(Statement.class, statement, (m, a) -> {
							});
						}
						return result;
					}));
		}

		@FunctionalInterface
		private interface Before {

			void call(Method method, Object[] args);

		}

	}

}
