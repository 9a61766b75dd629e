package dev.migration.test;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import dev.migration.MigrationException;
import dev.migration.Revision;
import dev.migration.command.Migrator;

/**
 * Data-migration tests: move the database to a revision, seed rows, move on, assert.
 *
 * <pre class="code">
 * try (MigrationTester tester = checks.tester()) {
 *     tester.upgradeTo("e8c0a2b4d657")
 *         .then((jdbc) -&gt; jdbc.sql("INSERT INTO notes ...").update())
 *         .upgradeTo("f3d5e7a9b168")
 *         .then((jdbc) -&gt; assertThat(jdbc.sql("SELECT slug FROM notes").query(String.class).list())
 *             .containsExactly("hello"));
 * }
 * </pre>
 *
 * A failing step names the revision the database was moved to. Closing the tester puts
 * the version table back where it was when the tester was made (rows seeded stay).
 */
public final class MigrationTester implements AutoCloseable {

	private final Migrator migrator;

	private final List<String> initial;

	private String where = "where it was";

	MigrationTester(Migrator migrator) {
		this.migrator = migrator;
		this.initial = migrator.current();
	}

	/**
	 * Move the database to the target: upgrade, or downgrade when it is above it.
	 * @param target a revision id (or unique prefix), {@code heads}, {@code base}, ...
	 * @return this tester
	 */
	public MigrationTester upgradeTo(String target) {
		return move(target, "upgrade");
	}

	/**
	 * Downgrade the database to the target.
	 * @param target a revision id (or unique prefix), {@code base}, {@code -1}, ...
	 * @return this tester
	 */
	public MigrationTester downgradeTo(String target) {
		return move(target, "downgrade");
	}

	private MigrationTester move(String target, String direction) {
		String name = name(target);
		try {
			if (direction.equals("downgrade")) {
				this.migrator.downgrade(target);
			}
			else {
				Revisions.moveTo(this.migrator, target);
			}
		}
		catch (MigrationException ex) {
			throw new MigrationCheckFailure("data migration", revisionId(target), direction,
					"The " + direction + " to " + name + " failed: " + ex.getMessage(), List.of(), ex);
		}
		this.where = "after the " + direction + " to " + name;
		return this;
	}

	/**
	 * Run a step (seed rows or assert) with a Spring {@code JdbcClient} on the database.
	 * @param step the step
	 * @return this tester
	 */
	public MigrationTester then(JdbcStep step) {
		return run(() -> step.accept(SpringJdbc.client(dataSource())));
	}

	/**
	 * Run a step with a plain JDBC connection (auto-commit), for tests without Spring
	 * JDBC.
	 * @param step the step
	 * @return this tester
	 */
	public MigrationTester thenOnConnection(ConnectionStep step) {
		return run(() -> {
			try (Connection connection = dataSource().getConnection()) {
				step.accept(connection);
			}
		});
	}

	private MigrationTester run(ThrowingRunnable step) {
		try {
			step.run();
		}
		catch (MigrationCheckFailure ex) {
			throw ex;
		}
		catch (Exception | AssertionError ex) {
			throw new MigrationCheckFailure("data migration", null, null,
					"Data step " + this.where + " failed: " + ex.getMessage(), List.of(), ex);
		}
		return this;
	}

	/** The version table now. */
	public List<String> current() {
		return this.migrator.current();
	}

	/** The database the tester moves. */
	public DataSource dataSource() {
		return this.migrator.config().dataSource();
	}

	/** The engine the tester drives. */
	public Migrator migrator() {
		return this.migrator;
	}

	/** Put the version table back where it was when this tester was made. */
	@Override
	public void close() {
		Revisions.restore(this.migrator, this.initial);
	}

	private String name(String target) {
		Revision revision = revision(target);
		return (revision != null) ? Revisions.describe(revision) : target;
	}

	private String revisionId(String target) {
		Revision revision = revision(target);
		return (revision != null) ? revision.id() : null;
	}

	private Revision revision(String target) {
		try {
			List<String> ids = this.migrator.graph().resolve(target, this.migrator.current());
			return (ids.size() == 1) ? this.migrator.graph().get(ids.get(0)) : null;
		}
		catch (MigrationException ex) {
			return null;
		}
	}

	/** A step with a Spring {@code JdbcClient}. */
	@FunctionalInterface
	public interface JdbcStep {

		void accept(org.springframework.jdbc.core.simple.JdbcClient jdbc) throws Exception;

	}

	/** A step with a JDBC connection. */
	@FunctionalInterface
	public interface ConnectionStep {

		void accept(Connection connection) throws Exception;

	}

	@FunctionalInterface
	private interface ThrowingRunnable {

		void run() throws Exception;

	}

}
