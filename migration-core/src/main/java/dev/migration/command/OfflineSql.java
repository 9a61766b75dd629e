package dev.migration.command;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import dev.migration.InvalidConfigurationException;
import dev.migration.MigrationConfig;
import dev.migration.MigrationListener;
import dev.migration.Revision;
import dev.migration.RevisionRangeException;
import dev.migration.graph.MigrationPlan;
import dev.migration.graph.RevisionGraph;
import dev.migration.script.SqlCallbacks;
import dev.migration.script.SqlCallbacks.Event;
import dev.migration.sql.Dialect;

/**
 * Offline SQL: the same step runner as an online run, writing to a {@link ScriptSink}.
 * The start comes from the range ({@code from:to}), else from the database when one is
 * configured, else it is {@code base}.
 */
record OfflineSql(RevisionGraph graph, MigrationConfig config, SqlCallbacks callbacks) {

	String upgrade(String targetOrRange) {
		Range range = Range.parse(targetOrRange);
		List<String> from = start(range.from());
		if (range.from() != null) {
			// 'newer:older' would otherwise render an empty script without a word
			for (String to : this.graph.resolve(range.to(), from)) {
				for (String each : from) {
					if (this.graph.isAncestor(to, each)) {
						throw new RevisionRangeException(targetOrRange, each, to, true);
					}
				}
			}
		}
		if (baselines(range.from(), from)) {
			// what an online run does on a schema built without the tool: stamp the
			// baseline, then upgrade the rest (offline without a database, the script
			// cannot see the schema: a baseline given is taken as wanted)
			String baseline = this.config.baseline();
			List<String> stamped = this.graph.resolve(baseline, List.of());
			MigrationPlan stamp = this.graph.planStamp(List.of(), List.of(baseline), false);
			MigrationPlan plan = this.graph.withRepeatables(this.graph.planUpgrade(stamped, range.to()),
					dueRepeatables(range.from()));
			return render(List.of(stamp, plan),
					"upgrade " + StepRunner.heads(from) + " -> " + range.to() + " (baseline " + baseline + ")", false,
					true, "upgrade");
		}
		MigrationPlan plan = this.graph.withRepeatables(this.graph.planUpgrade(from, range.to()),
				dueRepeatables(range.from()));
		return render(plan, "upgrade " + StepRunner.heads(from) + " -> " + range.to(), false, range.from() == null,
				"upgrade");
	}

	/**
	 * Whether the script starts by stamping {@code migration.baseline}: one is set, the
	 * script starts from the database (not from a range) and the database has no version
	 * table but objects in its schema, or no database is configured.
	 */
	private boolean baselines(@Nullable String rangeFrom, List<String> from) {
		if (this.config.baseline() == null || rangeFrom != null || !from.isEmpty()) {
			return false;
		}
		if (this.config.dataSource() == null) {
			return true;
		}
		return Session.read(this.config, "read the schema",
				(session) -> session.tables.readHeadsIfPresent(session.connection) == null
						&& !SchemaInventory.objects(session.connection, session.tables).isEmpty());
	}

	String downgrade(String range) {
		Range parsed = Range.parse(range);
		List<String> from = start(parsed.from());
		MigrationPlan plan = this.graph.planDowngrade(from, parsed.to());
		return render(plan, "downgrade " + StepRunner.heads(from) + " -> " + parsed.to(), false, parsed.from() == null,
				"downgrade");
	}

	String stamp(List<String> targets, boolean purge) {
		List<String> from = start(null);
		MigrationPlan plan = this.graph.planStamp(from, targets, purge);
		return render(plan, "stamp " + String.join(" ", targets) + (purge ? " (purge)" : ""), purge, true, "stamp");
	}

	/**
	 * Every repeatable script when the script starts from a named revision (nothing says
	 * what ran); those that changed since they last ran when it starts from the database.
	 */
	private Predicate<Revision> dueRepeatables(@Nullable String from) {
		if (from != null || this.config.dataSource() == null || this.graph.repeatables().isEmpty()) {
			return (repeatable) -> true;
		}
		return DatabaseStateReader.due(Session.read(this.config, "read the history table",
				(session) -> session.history.summary(session.connection)));
	}

	private List<String> start(@Nullable String from) {
		if (from != null) {
			return this.graph.resolve(from, List.of());
		}
		if (this.config.dataSource() == null) {
			return List.of();
		}
		return Session.read(this.config, "read the version table",
				(session) -> session.tables.readHeads(session.connection));
	}

	private String render(MigrationPlan plan, String what, boolean purge, boolean fromDatabase, String command) {
		return render(List.of(plan), what, purge, fromDatabase, command);
	}

	/**
	 * @param fromDatabase whether the script starts where the database is (no range
	 * given): then the database also says the format of its tables
	 * @param command whose run-level callbacks frame the script (error callbacks are not
	 * rendered: nothing fails offline)
	 */
	private String render(List<MigrationPlan> plans, String what, boolean purge, boolean fromDatabase, String command) {
		Dialect dialect = dialect();
		ScriptSink sink = new ScriptSink(dialect);
		Tables tables = Tables.of(this.config, dialect);
		sink.comment(
				"Offline " + what + " for " + dialect.name().toLowerCase(Locale.ROOT) + ", generated by migration");
		boolean formatOne = fromDatabase && formatOne(tables);
		try {
			if (formatOne) {
				sink.comment("The history table " + tables.history() + " is of format 1 (no parents column): this "
						+ "script writes format-1 rows, and the next online run upgrades the tables in place");
				for (String statement : new TableSetup(tables).createStatementsFormatOne()) {
					sink.execute(statement);
				}
			}
			else {
				tables.ensure(sink);
			}
			CallbackRunner callbacks = new CallbackRunner(this.callbacks);
			callbacks.check(sink);
			renderCallbacks(callbacks, Event.before(command), sink);
			StepRunner runner = new StepRunner(sink, new HeadTracker(tables), new HistoryStore(tables, !formatOne),
					null, this.config.transactionPerMigration(), MigrationListener.NONE, callbacks);
			for (MigrationPlan plan : plans) {
				runner.run(plan, purge, null);
			}
			renderCallbacks(callbacks, Event.after(command), sink);
		}
		catch (SQLException ex) {
			// a script sink never touches a database
			throw new IllegalStateException(ex);
		}
		return sink.script();
	}

	/**
	 * Whether the script is for a database whose tables are still of format 1; only known
	 * for a script that starts where the database is (a script from a range assumes the
	 * current format).
	 */
	private boolean formatOne(Tables tables) {
		if (this.config.dataSource() == null) {
			return false;
		}
		return Session.read(this.config, "read the history table's format",
				(session) -> new TableSetup(tables).isFormatOne(session.connection));
	}

	private static void renderCallbacks(CallbackRunner callbacks, @Nullable Event event, ScriptSink sink)
			throws SQLException {
		if (callbacks.has(event)) {
			sink.begin();
			callbacks.run(event, sink, null);
			sink.commit();
		}
	}

	private Dialect dialect() {
		if (this.config.dialect() != null) {
			return this.config.dialect();
		}
		if (this.config.dataSource() == null) {
			throw new InvalidConfigurationException("migration.dialect", "must be set for offline SQL without a "
					+ "database (one of postgresql, mariadb, mysql, h2, sqlite)");
		}
		return Session.read(this.config, "read the database's dialect", (session) -> session.dialect);
	}

	/** {@code from:to}, or just {@code to}. */
	record Range(@Nullable String from, String to) {

		static Range parse(String text) {
			int colon = text.indexOf(':');
			if (colon < 0) {
				return new Range(null, text.strip());
			}
			String from = text.substring(0, colon).strip();
			String to = text.substring(colon + 1).strip();
			return new Range(from.isEmpty() ? "base" : from, to.isEmpty() ? "heads" : to);
		}

	}

}
