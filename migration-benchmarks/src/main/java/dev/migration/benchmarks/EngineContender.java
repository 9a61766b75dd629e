package dev.migration.benchmarks;

import java.util.List;

import dev.migration.MigrationConfig;
import dev.migration.Revision;
import dev.migration.command.Migrator;
import dev.migration.graph.RevisionGraph;
import dev.migration.script.ScriptLoader;

/**
 * Us, through the public API only: a new {@link Migrator} per call, as an application
 * start or a CLI run makes one.
 */
final class EngineContender implements Contender {

	static final String NAME = "us";

	@Override
	public String name() {
		return NAME;
	}

	private static MigrationConfig config(BenchDatabase db, ScriptSet scripts) {
		return MigrationConfig.builder()
			.dataSource((db != null) ? db.dataSource() : null)
			.locations("filesystem:" + scripts.ours())
			.build();
	}

	@Override
	public int apply(BenchDatabase db, ScriptSet scripts) {
		return new Migrator(config(db, scripts)).upgrade("heads").steps().size();
	}

	@Override
	public int upToDate(BenchDatabase db, ScriptSet scripts) {
		return new Migrator(config(db, scripts)).upgrade("heads").steps().size();
	}

	@Override
	public int validate(BenchDatabase db, ScriptSet scripts) {
		return new Migrator(config(db, scripts)).validate().problems().size();
	}

	/** Loading and resolving alone: no connection. */
	@Override
	public int graph(BenchDatabase db, ScriptSet scripts) {
		List<Revision> revisions = ScriptLoader.load(config(null, scripts));
		RevisionGraph graph = RevisionGraph.of(revisions);
		return graph.planUpgrade(List.of(), "heads").steps().size();
	}

}
