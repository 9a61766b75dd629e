package dev.migration.command;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.DatabaseState;
import dev.migration.HistoryEntry;
import dev.migration.MigrationConfig;
import dev.migration.MigrationResult;
import dev.migration.NewerDatabaseException;
import dev.migration.OnNewerDatabase;
import dev.migration.graph.MigrationPlan;
import dev.migration.graph.RevisionGraph;
import dev.migration.sql.Dialect;

/**
 * The optimistic check every application start pays, without the lock: when the version
 * table and the history summary show nothing to do and nothing to refuse, the run ends
 * here with an empty result. Anything else (work to do, a table missing, a state the run
 * refuses, a failing plan) returns {@code null}, and the run takes the lock and decides
 * again on what it reads under it, so whatever runs is still decided under the lock. On
 * PostgreSQL both tables are read in one round trip (pgjdbc sends the two queries of one
 * statement together).
 */
final class UpToDate {

	private static final Logger log = LoggerFactory.getLogger(UpToDate.class);

	private UpToDate() {
	}

	static @Nullable MigrationResult check(Run run, RevisionGraph graph, Session session, MigrationConfig config,
			long start) {
		List<String> heads;
		HistoryStore.Summary history;
		try {
			if (session.dialect == Dialect.POSTGRESQL) {
				try (Statement statement = session.connection.createStatement()) {
					// a missing table fails the statement: the locked run then decides
					if (!statement.execute(session.tables.headsQuery() + ";\n" + session.history.glanceQuery())) {
						return null;
					}
					try (ResultSet rs = statement.getResultSet()) {
						heads = Tables.heads(rs);
					}
					if (heads.isEmpty() || !statement.getMoreResults()) {
						return null;
					}
					try (ResultSet rs = statement.getResultSet()) {
						history = session.history.glance(rs);
					}
				}
			}
			else {
				heads = session.tables.readHeadsIfPresent(session.connection);
				if (heads == null || heads.isEmpty()) {
					return null;
				}
				history = session.history.glance(session.connection);
			}
		}
		catch (SQLException ex) {
			return null;
		}
		if (history.last() == null || history.last().isIncomplete()) {
			// a step that stopped part-way: the locked run reads whole rows to report it
			return null;
		}
		MigrationPlan plan;
		try {
			DatabaseState state = DatabaseStateReader.judge(graph, session.tables.version(), config, heads, history,
					null);
			run.refuseFrom(state);
			if (run.upgrades() && !state.newerHeads().isEmpty()) {
				return newer(state, config, start);
			}
			plan = run.plan(graph, heads, history);
		}
		catch (RuntimeException ex) {
			return null;
		}
		if (!plan.isEmpty()) {
			return null;
		}
		if (log.isDebugEnabled()) {
			// StepRunner, which only a run under the lock needs, is not loaded otherwise
			log.debug("Nothing to do: the database is at {}", StepRunner.heads(heads));
		}
		return new MigrationResult(plan.direction(), heads, plan.toHeads(), List.of(),
				Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * An upgrade of a database a newer build migrated: nothing to do for this build
	 * ({@code migration.on-newer-database=warn}), or a refusal ({@code fail}).
	 */
	static MigrationResult newer(DatabaseState state, MigrationConfig config, long start) {
		if (config.onNewerDatabase() == OnNewerDatabase.FAIL) {
			throw state.newer(NewerDatabaseException.UPGRADE_REMEDY);
		}
		log.warn("{}: the database is ahead of this build (applied by a newer build on top of {}); nothing to upgrade",
				String.join(", ", state.newerHeads()), String.join(", ", state.newerBase()));
		return new MigrationResult(HistoryEntry.Direction.UPGRADE, state.currentHeads(), state.currentHeads(),
				List.of(), Duration.ofNanos(System.nanoTime() - start), state.newerHeads());
	}

}
