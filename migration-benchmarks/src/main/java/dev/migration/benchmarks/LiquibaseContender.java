package dev.migration.benchmarks;

import java.sql.Connection;
import java.util.Map;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * Liquibase (4.33.0, the newest open-source release) on the same SQL as a formatted-SQL
 * changelog, as a baseline: a new {@link Liquibase} per call.
 */
final class LiquibaseContender implements Contender {

	static final String NAME = "liquibase";

	static {
		// No phoning home (there is no network here: a connection attempt would only add
		// noise).
		System.setProperty("liquibase.analytics.enabled", "false");
		System.setProperty("liquibase.showBanner", "false");
		System.setProperty("liquibase.command.showSummaryOutput", "LOG");
	}

	@Override
	public String name() {
		return NAME;
	}

	private interface Action {

		int run(Liquibase liquibase) throws Exception;

	}

	private static int with(BenchDatabase db, ScriptSet scripts, Action action) throws Exception {
		// Console output ("Running Changeset: ...") goes to the (silenced) log instead,
		// as
		// in an application.
		return Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> run(db, scripts, action));
	}

	private static int run(BenchDatabase db, ScriptSet scripts, Action action) throws Exception {
		try (Connection connection = db.connect()) {
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			try (Liquibase liquibase = new Liquibase(ScriptSet.LIQUIBASE_CHANGELOG,
					new DirectoryResourceAccessor(scripts.liquibase()), database)) {
				return action.run(liquibase);
			}
		}
	}

	@Override
	public int apply(BenchDatabase db, ScriptSet scripts) throws Exception {
		return with(db, scripts, (liquibase) -> {
			liquibase.update(new Contexts(), new LabelExpression());
			return scripts.size();
		});
	}

	/** {@code update} checksums every changeset against DATABASECHANGELOG. */
	@Override
	public int upToDate(BenchDatabase db, ScriptSet scripts) throws Exception {
		return with(db, scripts, (liquibase) -> {
			liquibase.update(new Contexts(), new LabelExpression());
			return 0;
		});
	}

	/** Throws on a checksum mismatch. */
	@Override
	public int validate(BenchDatabase db, ScriptSet scripts) throws Exception {
		return with(db, scripts, (liquibase) -> {
			liquibase.validate();
			return 0;
		});
	}

	/** Closest equivalent: parse the changelog and list what is not run yet. */
	@Override
	public int graph(BenchDatabase db, ScriptSet scripts) throws Exception {
		return with(db, scripts, (liquibase) -> {
			int known = liquibase.getDatabaseChangeLog().getChangeSets().size();
			liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression());
			return known;
		});
	}

}
