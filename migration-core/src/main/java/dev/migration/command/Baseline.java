package dev.migration.command;

import java.sql.SQLException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.BaselineRequiredException;
import dev.migration.MigrationConfig;
import dev.migration.MigrationResult;
import dev.migration.graph.RevisionGraph;

/**
 * Adopting a database built without this tool: on an upgrade that finds no version table,
 * a schema that already holds objects ({@link SchemaInventory}) is refused unless
 * {@code migration.baseline} names the revision it matches, which is then stamped in the
 * same locked run before the upgrade plans from it.
 */
final class Baseline {

	private static final Logger log = LoggerFactory.getLogger(Baseline.class);

	private Baseline() {
	}

	/**
	 * Refuse or stamp the baseline, under the lock and before the tool's tables are
	 * created; nothing when the version table exists or the schema is empty.
	 * @param session the session, holding the lock, in auto-commit
	 * @param graph the graph
	 * @param config the configuration ({@code baseline})
	 * @param runner runs the stamp
	 * @return the stamp's steps, none when no baseline was stamped
	 * @throws SQLException from the database
	 * @throws BaselineRequiredException when the schema holds objects and no baseline is
	 * set
	 */
	static List<MigrationResult.Step> apply(Session session, RevisionGraph graph, MigrationConfig config,
			StepRunner runner) throws SQLException {
		if (session.tables.readHeadsIfPresent(session.connection) != null) {
			return List.of();
		}
		List<String> objects = SchemaInventory.objects(session.connection, session.tables);
		if (objects.isEmpty()) {
			return List.of();
		}
		String schema = session.tables.effectiveSchema(session.connection);
		String baseline = config.baseline();
		if (baseline == null) {
			throw new BaselineRequiredException(schema, objects, session.tables.version());
		}
		log.info("{}: schema {} holds {} objects and no version table; stamping the baseline", baseline, schema,
				objects.size());
		session.tables.ensure(session.sink);
		return runner.run(graph.planStamp(List.of(), List.of(baseline), false), false, null);
	}

}
