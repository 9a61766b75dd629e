package dev.migration.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

import dev.migration.Migration;
import dev.migration.MigrationConfig;
import dev.migration.MigrationConfigBuilder;
import dev.migration.Revision;
import dev.migration.command.Migrator;
import dev.migration.sql.DriverDataSource;

/**
 * The built-in checks of a project's migrations, on the database a test has. Each check
 * runs when called and fails with a {@link MigrationCheckFailure} (an
 * {@link AssertionError}) that names the revision, the direction, what differs and what
 * to do; chain them, or call {@link #all()}, or turn them into one dynamic test per check
 * and revision with {@link #dynamicTests()}:
 *
 * <pre class="code">
 * MigrationChecks.forDataSource(dataSource)
 *     .singleHead()
 *     .upgradeOneByOne()
 *     .stairway()
 *     .modelsMatch("classpath:db/desired/schema.sql")
 *     .offlineSqlMatches();
 * </pre>
 *
 * Every check that moves the database puts it back where it was (at the heads, for a
 * database the Spring starter migrated), so one database serves the whole test class.
 */
public final class MigrationChecks {

	private final MigrationConfig config;

	private final List<String> heads;

	private final Models models;

	private @Nullable Migrator migrator;

	private MigrationChecks(MigrationConfig config, List<String> heads, Models models, @Nullable Migrator migrator) {
		this.config = config;
		this.heads = List.copyOf(heads);
		this.models = models;
		this.migrator = migrator;
	}

	/**
	 * Checks on a DataSource, with the default settings (scripts in
	 * {@code classpath:db/migration}).
	 * @param dataSource the test's database
	 * @return the checks
	 */
	public static MigrationChecks forDataSource(DataSource dataSource) {
		return forConfig(MigrationConfig.builder().dataSource(dataSource).build());
	}

	/**
	 * Checks on a JDBC URL (an embedded database, a Testcontainers container's URL).
	 * @param url the JDBC URL
	 * @param user the user, or {@code null}
	 * @param password the password, or {@code null}
	 * @return the checks
	 */
	public static MigrationChecks forUrl(String url, @Nullable String user, @Nullable String password) {
		return forDataSource(new DriverDataSource(url, user, password));
	}

	/**
	 * Checks with the engine's own configuration, for instance the Spring starter's
	 * {@link Migrator} bean: its DataSource, locations, tables and the Java migrations
	 * that are Spring beans.
	 * @param migrator the migrator
	 * @return the checks
	 */
	public static MigrationChecks forMigrator(Migrator migrator) {
		return new MigrationChecks(migrator.config(), List.of(), Models.NONE, migrator);
	}

	/**
	 * Checks with a configuration; it must have a DataSource.
	 * @param config the configuration
	 * @return the checks
	 */
	public static MigrationChecks forConfig(MigrationConfig config) {
		Objects.requireNonNull(config.dataSource(), "The checks need a database: the configuration has no DataSource");
		return new MigrationChecks(config, List.of(), Models.NONE, null);
	}

	/** The same checks with other script locations. */
	public MigrationChecks locations(String... locations) {
		return configure((builder) -> builder.locations(locations));
	}

	/** The same checks with Java migrations passed directly (as Spring beans are). */
	public MigrationChecks migrations(Migration... migrations) {
		return configure((builder) -> builder.migrations(List.of(migrations)));
	}

	/** The same checks with the engine's tables in another schema. */
	public MigrationChecks schema(String schema) {
		return configure((builder) -> builder.schema(schema));
	}

	/** The same checks with any other engine setting changed. */
	public MigrationChecks configure(Consumer<MigrationConfigBuilder> customizer) {
		MigrationConfigBuilder builder = this.config.toBuilder();
		customizer.accept(builder);
		return new MigrationChecks(builder.build(), this.heads, this.models, null);
	}

	/**
	 * The heads the application upgrades to, for a graph with branches that stay apart;
	 * by default {@link #singleHead()} wants exactly one.
	 */
	public MigrationChecks heads(String... heads) {
		return new MigrationChecks(this.config, List.of(heads), this.models, this.migrator);
	}

	/** The JPA entities {@link #modelsMatch()} compares with. */
	public MigrationChecks entities(Class<?>... entities) {
		return new MigrationChecks(this.config, this.heads, new Models(List.of(entities), List.of(), null),
				this.migrator);
	}

	/** Packages on the test class path whose {@code @Entity} classes are the models. */
	public MigrationChecks entitiesIn(String... packages) {
		return new MigrationChecks(this.config, this.heads, new Models(List.of(), List.of(packages), null),
				this.migrator);
	}

	/**
	 * A desired-state {@code schema.sql} {@link #modelsMatch()} compares with.
	 * @param location {@code classpath:...} or a file path
	 */
	public MigrationChecks desiredSchema(String location) {
		return new MigrationChecks(this.config, this.heads, new Models(List.of(), List.of(), location), this.migrator);
	}

	/** The engine on this configuration (the one given, or one built once). */
	public Migrator migrator() {
		Migrator existing = this.migrator;
		if (existing == null) {
			existing = new Migrator(this.config);
			this.migrator = existing;
		}
		return existing;
	}

	/**
	 * The graph loads, has one head (or exactly the declared {@link #heads(String...)})
	 * and every revision lies below a head. Needs no database.
	 */
	public MigrationChecks singleHead() {
		GraphCheck.check(migrator(), this.heads);
		return this;
	}

	/** From base, each revision upgrades on its own, in graph order. */
	public MigrationChecks upgradeOneByOne() {
		new Stairway(migrator(), false).run();
		return this;
	}

	/**
	 * From base, each revision goes up, down and up again; after the downgrade the
	 * catalog (tables, columns, types, defaults, keys, indexes, checks, views, sequences,
	 * routines, triggers) must be what it was before the upgrade. Needs
	 * migration-autogenerate.
	 */
	public MigrationChecks stairway() {
		Requirements.autogenerate("stairway");
		new Stairway(migrator(), true).run();
		return this;
	}

	/** {@link #modelsMatch()} against these entity classes. */
	public MigrationChecks modelsMatch(Class<?>... entities) {
		return entities(entities).modelsMatch();
	}

	/** {@link #modelsMatch()} against a desired-state {@code schema.sql}. */
	public MigrationChecks modelsMatch(String desiredSchema) {
		return desiredSchema(desiredSchema).modelsMatch();
	}

	/**
	 * At the heads, migration-autogenerate's {@code check} finds nothing between the
	 * migrations and the models ({@link #entities}, {@link #entitiesIn} or
	 * {@link #desiredSchema}).
	 */
	public MigrationChecks modelsMatch() {
		Requirements.autogenerate("models match");
		if (this.models.isEmpty()) {
			throw new MigrationCheckFailure("models match", null, null,
					"modelsMatch() has nothing to compare with: name the entity classes (entities(...)), their "
							+ "packages (entitiesIn(...)) or a desired-state schema.sql (desiredSchema(...))",
					List.of(), null);
		}
		ModelsCheck.check(migrator(), this.models);
		return this;
	}

	/**
	 * The offline SQL of the whole chain ({@code upgrade base:heads --sql}), run on the
	 * emptied schema, builds the same catalog as the online upgrade.
	 */
	public MigrationChecks offlineSqlMatches() {
		Requirements.autogenerate("offline SQL");
		OfflineCheck.check(migrator());
		return this;
	}

	/**
	 * Every check: single head, upgrade one by one, stairway, models match (when models
	 * are configured) and offline SQL.
	 */
	public MigrationChecks all() {
		singleHead().upgradeOneByOne().stairway();
		if (!this.models.isEmpty()) {
			modelsMatch();
		}
		return offlineSqlMatches();
	}

	/**
	 * A data-migration tester on this database, starting where the database is.
	 * @return the tester; close it to put the database back
	 */
	public MigrationTester tester() {
		return new MigrationTester(migrator());
	}

	/**
	 * The checks of {@link #all()} as dynamic tests for a {@code @TestFactory}: one per
	 * check, and for the two walks one per revision (run in order on one database; after
	 * a failed step the rest are skipped).
	 * @return the tests
	 */
	public Stream<DynamicNode> dynamicTests() {
		return this.models.isEmpty()
				? dynamicTests(Check.SINGLE_HEAD, Check.UPGRADE_ONE_BY_ONE, Check.STAIRWAY, Check.OFFLINE_SQL)
				: dynamicTests(Check.values());
	}

	/**
	 * Some checks as dynamic tests, in the order given.
	 * @param checks the checks
	 * @return the tests
	 */
	public Stream<DynamicNode> dynamicTests(Check... checks) {
		List<DynamicNode> nodes = new ArrayList<>();
		for (Check check : checks) {
			nodes.add(switch (check) {
				case SINGLE_HEAD -> DynamicTest.dynamicTest("single head", this::singleHead);
				case UPGRADE_ONE_BY_ONE -> walk("upgrade one by one", new Stairway(migrator(), false));
				case STAIRWAY -> walk("stairway", new Stairway(migrator(), true));
				case MODELS_MATCH ->
					DynamicTest.dynamicTest("models match " + this.models.describe(), this::modelsMatch);
				case OFFLINE_SQL -> DynamicTest.dynamicTest("offline SQL matches", this::offlineSqlMatches);
			});
		}
		return nodes.stream();
	}

	/** The built-in checks, for {@link #dynamicTests(Check...)}. */
	public enum Check {

		/** {@link #singleHead()}. */
		SINGLE_HEAD,

		/** {@link #upgradeOneByOne()}. */
		UPGRADE_ONE_BY_ONE,

		/** {@link #stairway()}. */
		STAIRWAY,

		/** {@link #modelsMatch()}. */
		MODELS_MATCH,

		/** {@link #offlineSqlMatches()}. */
		OFFLINE_SQL

	}

	private DynamicContainer walk(String name, Stairway stairway) {
		List<DynamicNode> steps = new ArrayList<>();
		boolean[] failed = { false };
		List<Revision> revisions = migrator().graph().revisions();
		steps.add(DynamicTest.dynamicTest("from base", () -> {
			if (name.equals("stairway")) {
				Requirements.autogenerate("stairway");
			}
			run(failed, stairway::begin);
		}));
		for (int i = 0; i < revisions.size(); i++) {
			Revision revision = revisions.get(i);
			int index = i + 1;
			steps.add(DynamicTest.dynamicTest(revision.id() + " " + revision.message(), () -> {
				Assumptions.assumeFalse(failed[0], "an earlier step of the " + name + " failed");
				run(failed, () -> stairway.step(revision, index, revisions.size()));
			}));
		}
		steps.add(DynamicTest.dynamicTest("back to where it was", stairway::end));
		return DynamicContainer.dynamicContainer(name, steps);
	}

	private static void run(boolean[] failed, Runnable step) {
		try {
			step.run();
		}
		catch (RuntimeException | AssertionError ex) {
			failed[0] = true;
			throw ex;
		}
	}

}
