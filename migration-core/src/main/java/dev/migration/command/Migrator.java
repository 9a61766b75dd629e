package dev.migration.command;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.migration.DowngradeNotAllowedException;
import dev.migration.HistoryEntry;
import dev.migration.InvalidUpgradeTargetException;
import dev.migration.MigrationConfig;
import dev.migration.MigrationException;
import dev.migration.MigrationFailedException;
import dev.migration.MigrationListener;
import dev.migration.MigrationResult;
import dev.migration.MigrationStatus;
import dev.migration.RepairResult;
import dev.migration.Revision;
import dev.migration.ValidationReport;
import dev.migration.graph.MigrationPlan;
import dev.migration.graph.RevisionGraph;
import dev.migration.script.DatabaseFacts;
import dev.migration.script.ScriptLoader;
import dev.migration.script.SqlCallbacks;
import dev.migration.sql.Dialect;

/**
 * The one entry point: the CLI, the Spring starter, the endpoint and the tests call these
 * methods and hold no logic of their own. Each command resolves a target, builds a
 * {@link MigrationPlan} from the graph and the version table, and runs it under the
 * database lock. Read-only commands ({@code current}, {@code status}, {@code validate},
 * {@code log}) take no lock and create nothing.
 */
public final class Migrator {

	private final MigrationConfig config;

	private volatile @Nullable RevisionGraph graph;

	private volatile SqlCallbacks callbacks = SqlCallbacks.NONE;

	public Migrator(MigrationConfig config) {
		this.config = config;
	}

	public MigrationConfig config() {
		return this.config;
	}

	/** The revision graph, loaded from the locations once and cached. */
	public RevisionGraph graph() {
		return graph(this::databaseFacts);
	}

	private RevisionGraph graph(Supplier<DatabaseFacts> facts) {
		RevisionGraph loaded = this.graph;
		if (loaded == null) {
			synchronized (this) {
				loaded = this.graph;
				if (loaded == null) {
					ScriptLoader.Loaded scripts = ScriptLoader.loadAll(this.config, facts);
					loaded = RevisionGraph.of(scripts.revisions());
					this.callbacks = scripts.callbacks();
					this.graph = loaded;
				}
			}
		}
		return loaded;
	}

	/**
	 * The SQL callback scripts found in the locations (loaded with the graph).
	 */
	public SqlCallbacks callbacks() {
		graph();
		return this.callbacks;
	}

	/** Read only when a location names {vendor} or a script a built-in placeholder. */
	private DatabaseFacts databaseFacts() {
		if (this.config.dataSource() == null) {
			return DatabaseFacts.offline(this.config);
		}
		return Session.read(this.config, "read the database's vendor, schema and user",
				(session) -> DatabaseFacts.of(session.connection, this.config));
	}

	/**
	 * Apply what the target needs, under the lock. Refuses when a previous run left a
	 * revision half applied, when the version table holds revisions no script defines,
	 * and (with {@code validate-checksums}) when an applied script was edited.
	 * @param target an identifier of SPEC's grammar, e.g. {@code heads}
	 * @return what ran
	 * @throws MigrationFailedException when a revision fails
	 */
	public MigrationResult upgrade(String target) {
		return run(Run.upgrade("upgrade", (heads) -> planTowards(heads, target, () -> {
			// an empty plan here would report success while the database stays above
			// the target the user asked for
			throw new InvalidUpgradeTargetException(
					"Cannot upgrade to '" + target + "': it is below the database's current revision ("
							+ (heads.isEmpty() ? "base" : String.join(", ", heads))
							+ "), and upgrade never goes down. Run " + "'downgrade " + target + "' to revert to it",
					target, heads);
		})));
	}

	/**
	 * Revert to the target, children first, under the lock.
	 * @param target e.g. {@code -1}, {@code base}, a revision
	 * @return what ran
	 */
	public MigrationResult downgrade(String target) {
		return run(new Run("downgrade", (heads) -> graph().planDowngrade(heads, target), false, false, false, false));
	}

	/**
	 * Upgrade to the target; when the target is below the current revision, downgrade
	 * only if {@link MigrationConfig#allowDowngrade()}, else fail naming the setting.
	 */
	public MigrationResult migrateTo(String target) {
		return run(Run.upgrade("upgrade", (heads) -> planTowards(heads, target, () -> {
			if (!this.config.allowDowngrade()) {
				throw new DowngradeNotAllowedException(target, heads);
			}
			return graph().planDowngrade(heads, target);
		})));
	}

	/**
	 * The upgrade plan, or, when the target is below the heads, what {@code below} says.
	 */
	private MigrationPlan planTowards(List<String> heads, String target, Supplier<MigrationPlan> below) {
		RevisionGraph graph = graph();
		return graph.isDowngrade(heads, target) ? below.get() : graph.planUpgrade(heads, target);
	}

	/**
	 * Move the version table to the targets without running scripts; also how a
	 * half-applied revision is marked resolved.
	 * @param targets revisions ({@code base} for none)
	 * @param purge ignore (and delete) the current rows first, e.g. unknown revisions
	 * @return what changed
	 */
	public MigrationResult stamp(List<String> targets, boolean purge) {
		return stamp(targets, purge, List.of());
	}

	/**
	 * Stamp, and record repeatable scripts as run at their current checksum (an import
	 * adopting scripts another tool already ran), in the same locked run.
	 * @param targets revisions ({@code base} for none)
	 * @param purge ignore (and delete) the current rows first
	 * @param repeatables ids of repeatable scripts
	 * @return what changed
	 */
	public MigrationResult stamp(List<String> targets, boolean purge, List<String> repeatables) {
		return run(new Run("stamp",
				(heads) -> graph().withRepeatableStamps(graph().planStamp(heads, targets, purge), repeatables), true,
				purge, false, false));
	}

	/**
	 * Offline upgrade: {@code target} or {@code from:to}; needs no connection when a
	 * range is given.
	 */
	public String upgradeSql(String targetOrRange) {
		return new OfflineSql(graph(), this.config, callbacks()).upgrade(targetOrRange);
	}

	/** Offline downgrade: {@code from:to}. */
	public String downgradeSql(String range) {
		return new OfflineSql(graph(), this.config, callbacks()).downgrade(range);
	}

	public String stampSql(List<String> targets, boolean purge) {
		return new OfflineSql(graph(), this.config, callbacks()).stamp(targets, purge);
	}

	/** The revision ids in the version table. */
	public List<String> current() {
		return Session.read(this.config, "read the version table",
				(session) -> session.tables.readHeads(session.connection));
	}

	/** The graph's heads, from the scripts alone. */
	public List<Revision> heads() {
		return graph().heads();
	}

	/** Revisions with more than one child, from the scripts alone. */
	public List<Revision> branches() {
		return graph().branchPoints();
	}

	/**
	 * Revisions newest first; reads the database only for relative ranges. Without a
	 * range, the repeatable scripts come first (they run after every revision).
	 * @param range {@code a:b}, {@code a:}, {@code :b} or {@code null} for all
	 * @return the revisions
	 */
	public List<Revision> history(@Nullable String range) {
		List<String> heads = (range != null && needsCurrent(range)) ? current() : List.of();
		List<Revision> versioned = graph().history(range, heads);
		if (range != null || graph().repeatables().isEmpty()) {
			return versioned;
		}
		List<Revision> all = new ArrayList<>(graph().repeatables());
		Collections.reverse(all);
		all.addAll(versioned);
		return all;
	}

	/**
	 * One revision.
	 * @param identifier an identifier that names exactly one revision
	 * @return the revision
	 */
	public Revision show(String identifier) {
		RevisionGraph graph = graph();
		List<String> heads = needsCurrent(identifier) ? current() : List.of();
		List<String> ids = graph.resolve(identifier, heads);
		if (ids.size() != 1) {
			throw new MigrationException("'" + identifier + "' names "
					+ ((ids.isEmpty()) ? "no revision" : ids.size() + " revisions (" + String.join(", ", ids) + ")")
					+ "; show needs exactly one");
		}
		return graph.get(ids.get(0));
	}

	/**
	 * Whether an identifier or range is relative to the database's current revision, so
	 * that commands that can work from the scripts alone touch the database only then.
	 */
	private boolean needsCurrent(String identifierOrRange) {
		return this.config.dataSource() != null && (identifierOrRange.contains("+") || identifierOrRange.contains("-")
				|| identifierOrRange.contains("current"));
	}

	/**
	 * Problems in the scripts that a run would refuse before running anything, found
	 * without running: transaction control ({@code COMMIT}, {@code ROLLBACK},
	 * {@code BEGIN}, ...) at the top level of a transactional revision on PostgreSQL, H2
	 * and SQLite, each naming file, line and the remedy {@code -- transactional: false}.
	 * {@link #validate()} includes them. Needs the dialect: {@code migration.dialect}, or
	 * the database's.
	 * @return one sentence per problem, empty when there is none
	 */
	public List<String> scriptProblems() {
		Dialect dialect = this.config.dialect();
		if (dialect == null) {
			dialect = Session.read(this.config, "read the database's dialect", (session) -> session.dialect);
		}
		return TransactionControl.problems(graph(), dialect);
	}

	/**
	 * Edited applied scripts, unknown revisions and half-applied revisions, each with its
	 * remedy. Two queries, no lock, creates nothing.
	 * @return the report
	 */
	public ValidationReport validate() {
		ValidationReport report = new StatusReader(graph(), this.config).validate();
		this.config.listener().validated(report);
		return report;
	}

	/** Status against the target {@code heads}. */
	public MigrationStatus status() {
		return status("heads");
	}

	/**
	 * The whole picture against a target: a constant number of queries (version table and
	 * one history aggregate), no lock, creates nothing.
	 * @param target the target pending revisions are computed for
	 * @return the status
	 */
	public MigrationStatus status(String target) {
		return new StatusReader(graph(), this.config).status(target);
	}

	/** The history table, newest first, at most {@code limit} rows. */
	public List<HistoryEntry> log(int limit) {
		return Session.read(this.config, "read the history table",
				(session) -> session.history.log(session.connection, limit));
	}

	/**
	 * Run a command; when the graph is not loaded yet, its scripts are read on a thread
	 * of their own while this one connects (reading the files is work for this process,
	 * connecting mostly waiting for the server), so a run pays the longer of the two, not
	 * both. The connection is always opened here, on the caller's thread, where the data
	 * source expects it (a routing data source may key on the thread), and a script that
	 * needs facts of the database (a {@code {vendor}} location, a built-in placeholder)
	 * is read again here once the reading thread has stopped at it.
	 */
	private MigrationResult execute(Run run) {
		if (this.graph != null || this.config.dataSource() == null) {
			return new RunExecution(run, this.config, graph(), new CallbackRunner(callbacks())).execute();
		}
		ScriptReading reading = new ScriptReading(() -> graph(ScriptReading::needsDatabase));
		Session session;
		try {
			session = Session.open(this.config);
		}
		catch (RuntimeException ex) {
			// a script's own problem comes first, as when the scripts are read first
			reading.rethrowFailure();
			throw ex;
		}
		RevisionGraph loaded;
		try {
			loaded = reading.graph().orElseGet(this::graph);
		}
		catch (RuntimeException ex) {
			session.close();
			throw ex;
		}
		return new RunExecution(run, this.config, loaded, new CallbackRunner(callbacks())).execute(session);
	}

	private MigrationResult run(Run run) {
		MigrationListener listener = this.config.listener();
		listener.beforeRun(run.name());
		MigrationResult result;
		try {
			result = execute(run);
		}
		catch (RuntimeException ex) {
			listener.runFailed(run.name(), ex);
			throw ex;
		}
		listener.afterRun(run.name(), result);
		return result;
	}

	/**
	 * Re-record the checksums of applied revisions whose scripts were edited on purpose
	 * (and of those applied with none recorded), and clear the marker of a revision a
	 * previous run left half applied once it was resolved by hand; one history row each,
	 * under the lock. Never called from the web endpoint.
	 * @param revisions identifiers to limit it to; empty for every applied revision
	 * @return what was recorded
	 */
	public RepairResult repair(List<String> revisions) {
		RevisionGraph graph = graph();
		try (Session session = Session.open(this.config)) {
			return UnderLock.run(session, this.config, () -> {
				session.tables.ensure(session.sink);
				return new Repair(graph, this.config).run(session, revisions);
			});
		}
		catch (SQLException ex) {
			throw Session.databaseError("repair", ex);
		}
	}

}
