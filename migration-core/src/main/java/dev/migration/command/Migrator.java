package dev.migration.command;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.ChecksumMismatchException;
import dev.migration.DowngradeNotAllowedException;
import dev.migration.HistoryEntry;
import dev.migration.InvalidUpgradeTargetException;
import dev.migration.HistoryEntry.Direction;
import dev.migration.MigrationConfig;
import dev.migration.MigrationException;
import dev.migration.MigrationResult;
import dev.migration.MigrationStatus;
import dev.migration.PartialMigrationException;
import dev.migration.Revision;
import dev.migration.UnknownDatabaseRevisionException;
import dev.migration.ValidationReport;
import dev.migration.graph.MigrationPlan;
import dev.migration.graph.RevisionGraph;
import dev.migration.lock.LockRequest;
import dev.migration.lock.MigrationLock;
import dev.migration.script.ScriptLoader;
import dev.migration.store.HistoryStore;
import dev.migration.store.HistoryStore.Row;

/**
 * The one entry point: the CLI, the Spring starter, the endpoint and the tests call these
 * methods and hold no logic of their own. Each command resolves a target, builds a
 * {@link MigrationPlan} from the graph and the version table, and runs it under the
 * database lock. Read-only commands ({@code current}, {@code status}, {@code validate},
 * {@code log}) take no lock and create nothing.
 */
public final class Migrator {

	private static final Logger log = LoggerFactory.getLogger(Migrator.class);

	private final MigrationConfig config;

	private volatile @Nullable RevisionGraph graph;

	public Migrator(MigrationConfig config) {
		this.config = config;
	}

	public MigrationConfig config() {
		return this.config;
	}

	/** The revision graph, loaded from the locations once and cached. */
	public RevisionGraph graph() {
		RevisionGraph loaded = this.graph;
		if (loaded == null) {
			synchronized (this) {
				loaded = this.graph;
				if (loaded == null) {
					loaded = RevisionGraph.of(ScriptLoader.load(this.config));
					this.graph = loaded;
				}
			}
		}
		return loaded;
	}

	/**
	 * Apply what the target needs, under the lock. Refuses when a previous run left a
	 * revision half applied, when the version table holds revisions no script defines,
	 * and (with {@code validate-checksums}) when an applied script was edited.
	 * @param target an identifier of SPEC's grammar, e.g. {@code heads}
	 * @return what ran
	 * @throws dev.migration.MigrationFailedException when a revision fails
	 */
	public MigrationResult upgrade(String target) {
		return run(Direction.UPGRADE, (heads) -> {
			RevisionGraph graph = graph();
			if (graph.isDowngrade(heads, target)) {
				// an empty plan here would report success while the database stays above
				// the target the user asked for
				throw new InvalidUpgradeTargetException(
						"Cannot upgrade to '" + target + "': it is below the database's current revision ("
								+ (heads.isEmpty() ? "base" : String.join(", ", heads))
								+ "), and upgrade never goes down. Run 'downgrade " + target + "' to revert to it",
						target, heads);
			}
			return graph.planUpgrade(heads, target);
		});
	}

	/**
	 * Revert to the target, children first, under the lock.
	 * @param target e.g. {@code -1}, {@code base}, a revision
	 * @return what ran
	 */
	public MigrationResult downgrade(String target) {
		return run(Direction.DOWNGRADE, (heads) -> graph().planDowngrade(heads, target));
	}

	/**
	 * Upgrade to the target; when the target is below the current revision, downgrade
	 * only if {@link MigrationConfig#allowDowngrade()}, else fail naming the setting.
	 */
	public MigrationResult migrateTo(String target) {
		return run(Direction.UPGRADE, (heads) -> {
			RevisionGraph graph = graph();
			if (!graph.isDowngrade(heads, target)) {
				return graph.planUpgrade(heads, target);
			}
			if (!this.config.allowDowngrade()) {
				throw new DowngradeNotAllowedException(target, heads);
			}
			return graph.planDowngrade(heads, target);
		});
	}

	/**
	 * Move the version table to the targets without running scripts; also how a
	 * half-applied revision is marked resolved.
	 * @param targets revisions ({@code base} for none)
	 * @param purge ignore (and delete) the current rows first, e.g. unknown revisions
	 * @return what changed
	 */
	public MigrationResult stamp(List<String> targets, boolean purge) {
		return run(Direction.STAMP, purge, (heads) -> graph().planStamp(heads, targets, purge));
	}

	/**
	 * Offline upgrade: {@code target} or {@code from:to}; needs no connection when a
	 * range is given.
	 */
	public String upgradeSql(String targetOrRange) {
		return Offline.upgrade(this, targetOrRange);
	}

	/** Offline downgrade: {@code from:to}. */
	public String downgradeSql(String range) {
		return Offline.downgrade(this, range);
	}

	public String stampSql(List<String> targets, boolean purge) {
		return Offline.stamp(this, targets, purge);
	}

	/** The revision ids in the version table. */
	public List<String> current() {
		try (Session session = Session.open(this.config)) {
			return session.tables.readHeads(session.connection);
		}
		catch (SQLException ex) {
			throw databaseError("read the version table", ex);
		}
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
	 * Revisions newest first; reads the database only for relative ranges.
	 * @param range {@code a:b}, {@code a:}, {@code :b} or {@code null} for all
	 * @return the revisions
	 */
	public List<Revision> history(@Nullable String range) {
		List<String> heads = (range != null && needsCurrent(range)) ? current() : List.of();
		return graph().history(range, heads);
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
	 * Edited applied scripts, unknown revisions and half-applied revisions, each with its
	 * remedy. Two queries, no lock, creates nothing.
	 * @return the report
	 */
	public ValidationReport validate() {
		return new StatusReader(this).validate();
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
		return new StatusReader(this).status(target);
	}

	/** The history table, newest first, at most {@code limit} rows. */
	public List<HistoryEntry> log(int limit) {
		try (Session session = Session.open(this.config)) {
			return session.history.log(session.connection, limit);
		}
		catch (SQLException ex) {
			throw databaseError("read the history table", ex);
		}
	}

	/** Builds a plan from the version table read under the lock. */
	@FunctionalInterface
	interface Planner {

		MigrationPlan plan(List<String> currentHeads);

	}

	private MigrationResult run(Direction direction, Planner planner) {
		return run(direction, false, planner);
	}

	private MigrationResult run(Direction direction, boolean purge, Planner planner) {
		RevisionGraph graph = graph();
		long start = System.nanoTime();
		try (Session session = Session.open(this.config)) {
			if (direction != Direction.STAMP && !purge) {
				MigrationResult upToDate = upToDate(direction, planner, graph, session, start);
				if (upToDate != null) {
					return upToDate;
				}
			}
			session.endStatementsOfDeadClients();
			String scope = session.tables.effectiveSchema(session.connection) + "." + this.config.versionTable();
			try (MigrationLock lock = MigrationLock.acquire(lockRequest(session, scope), this.config.lockMode(),
					session.connection, session.sink::inTransaction)) {
				log.debug("Holding {}", lock.description());
				session.heads.fence((sink) -> lock.fence(sink, session.tables.version()));
				session.tables.ensure(session.sink);
				List<String> heads = session.tables.readHeads(session.connection);
				Row last = session.history.last(session.connection);
				if (direction != Direction.STAMP) {
					checkNotPartial(last, heads, graph);
				}
				if (!purge) {
					checkKnown(graph, heads, session);
				}
				if (direction == Direction.UPGRADE && this.config.validateChecksums()) {
					checkChecksums(graph, heads, session.history.lastApplied(session.connection));
				}
				MigrationPlan plan = planner.plan(heads);
				StepRunner runner = new StepRunner(session.sink, session.heads, session.history, session.user(),
						this.config.transactionPerMigration(), this.config.listener());
				List<MigrationResult.Step> steps = runner.run(plan, purge);
				if (direction == Direction.STAMP && plan.isEmpty() && last != null && last.isIncomplete()) {
					// the stamp is the user's resolution even when the table already says
					// so
					session.history.record(session.sink, new Row(0, last.revision(), Direction.STAMP, last.location(),
							null, Instant.now(), Instant.now(), 0L, session.user(), true, 0, 0, null));
				}
				if (plan.isEmpty()) {
					log.info("Nothing to do: the database is at {}", StepRunner.heads(heads));
				}
				return new MigrationResult(plan.direction(), heads, plan.toHeads(), steps,
						Duration.ofNanos(System.nanoTime() - start));
			}
		}
		catch (SQLException ex) {
			throw databaseError(direction.name().toLowerCase(java.util.Locale.ROOT), ex);
		}
	}

	private LockRequest lockRequest(Session session, String scope) {
		return new LockRequest(session.dataSource, session.dialect, session.url(), session.tables.schema(),
				session.tables.lock(), scope, this.config.lockTimeout(), this.config.lockLease(), false);
	}

	/**
	 * The optimistic check every application start pays, without the lock: when the
	 * version table, the newest history row and the applied checksums show nothing to do
	 * and nothing to refuse, the run ends here with an empty result. Anything else (work
	 * to do, a table missing, a half-applied revision, an unknown revision, an edited
	 * script, a failing plan) returns {@code null}, and the run takes the lock and
	 * decides again on what it reads under it, so whatever runs is still decided under
	 * the lock.
	 */
	private @Nullable MigrationResult upToDate(Direction direction, Planner planner, RevisionGraph graph,
			Session session, long start) {
		List<String> heads;
		HistoryStore.Summary summary;
		try {
			heads = session.tables.readHeadsIfPresent(session.connection);
			if (heads == null || heads.isEmpty()) {
				return null;
			}
			summary = session.history.summary(session.connection);
		}
		catch (SQLException ex) {
			return null;
		}
		if (summary.last() == null || summary.last().isIncomplete()) {
			return null;
		}
		for (String head : heads) {
			if (graph.get(head) == null) {
				return null;
			}
		}
		MigrationPlan plan;
		try {
			if (direction == Direction.UPGRADE && this.config.validateChecksums()) {
				checkChecksums(graph, heads, summary.applied());
			}
			plan = planner.plan(heads);
		}
		catch (RuntimeException ex) {
			return null;
		}
		if (!plan.isEmpty()) {
			return null;
		}
		log.info("Nothing to do: the database is at {}", StepRunner.heads(heads));
		return new MigrationResult(plan.direction(), heads, plan.toHeads(), List.of(),
				Duration.ofNanos(System.nanoTime() - start));
	}

	private void checkNotPartial(@Nullable Row last, List<String> heads, RevisionGraph graph) {
		if (last == null || !last.isIncomplete()) {
			return;
		}
		List<String> after = new ArrayList<>(heads);
		Revision revision = graph.get(last.revision());
		if (last.direction() == Direction.UPGRADE) {
			if (revision != null) {
				after.removeAll(revision.revises());
			}
			after.add(last.revision());
		}
		else {
			after.remove(last.revision());
			if (revision != null) {
				after.addAll(revision.revises());
			}
		}
		throw new PartialMigrationException(last.revision(), last.location(),
				last.direction().name().toLowerCase(java.util.Locale.ROOT),
				(last.statementsDone() != null) ? last.statementsDone() : 0, last.statementsTotal(), last.error(),
				StepRunner.heads(heads), StepRunner.heads(new ArrayList<>(new LinkedHashSet<>(after))));
	}

	private void checkKnown(RevisionGraph graph, List<String> heads, Session session) {
		List<String> unknown = new ArrayList<>();
		for (String head : heads) {
			if (graph.get(head) == null) {
				unknown.add(head);
			}
		}
		if (!unknown.isEmpty()) {
			throw new UnknownDatabaseRevisionException(session.tables.version(), unknown);
		}
		// a row below another row is no head: planning from it would run revisions twice
		for (String ancestor : heads) {
			for (String descendant : heads) {
				if (graph.isAncestor(ancestor, descendant)) {
					throw new dev.migration.VersionTableException(session.tables.version(), "The version table "
							+ session.tables.version() + " holds " + ancestor + " and " + descendant + ", but "
							+ ancestor + " is an ancestor of " + descendant
							+ ", so it cannot be a current head (the table was edited by hand or by another tool). "
							+ "Run 'stamp --purge' with the revision(s) the schema really is at");
				}
			}
		}
	}

	private void checkChecksums(RevisionGraph graph, List<String> heads, Map<String, Row> applied) {
		if (applied.isEmpty()) {
			return;
		}
		Set<String> ancestors = graph.ancestorsOf(heads);
		for (Revision revision : graph.revisions()) {
			Row row = applied.get(revision.id());
			if (row != null && ancestors.contains(revision.id()) && row.direction() == Direction.UPGRADE
					&& row.checksum() != null && revision.checksum() != null
					&& !row.checksum().equals(revision.checksum())) {
				throw new ChecksumMismatchException(revision.id(), revision.location(), row.checksum(),
						revision.checksum());
			}
		}
	}

	static MigrationException databaseError(String what, SQLException ex) {
		return new MigrationException("Could not " + what + ": " + ex.getMessage()
				+ ((ex.getSQLState() != null) ? " (SQL state " + ex.getSQLState() + ")" : "")
				+ ". Check the connection and that the user may read and write the migration tables", ex);
	}

}
