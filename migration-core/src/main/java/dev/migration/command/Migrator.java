package dev.migration.command;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migration.HistoryEntry;
import dev.migration.MigrationConfig;
import dev.migration.MigrationResult;
import dev.migration.MigrationStatus;
import dev.migration.Revision;
import dev.migration.ValidationReport;
import dev.migration.graph.RevisionGraph;

/**
 * The one entry point: the CLI, the Spring starter, the endpoint and the tests call these
 * methods and hold no logic of their own.
 */
public final class Migrator {

	// CONTRACT: the engine helper replaces every body below; signatures are shared with
	// the CLI
	// and the starter and may only grow.

	private final MigrationConfig config;

	public Migrator(MigrationConfig config) {
		this.config = config;
	}

	public MigrationConfig config() {
		return this.config;
	}

	/** The revision graph, loaded from the locations once and cached. */
	public RevisionGraph graph() {
		throw new UnsupportedOperationException();
	}

	public MigrationResult upgrade(String target) {
		throw new UnsupportedOperationException();
	}

	public MigrationResult downgrade(String target) {
		throw new UnsupportedOperationException();
	}

	/**
	 * Upgrade to the target; when the target is below the current revision, downgrade
	 * only if {@link MigrationConfig#allowDowngrade()}, else fail naming the setting.
	 */
	public MigrationResult migrateTo(String target) {
		throw new UnsupportedOperationException();
	}

	public MigrationResult stamp(List<String> targets, boolean purge) {
		throw new UnsupportedOperationException();
	}

	/**
	 * Offline upgrade: {@code target} or {@code from:to}; needs no connection when a
	 * range is given.
	 */
	public String upgradeSql(String targetOrRange) {
		throw new UnsupportedOperationException();
	}

	/** Offline downgrade: {@code from:to}. */
	public String downgradeSql(String range) {
		throw new UnsupportedOperationException();
	}

	public String stampSql(List<String> targets, boolean purge) {
		throw new UnsupportedOperationException();
	}

	/** The revision ids in the version table. */
	public List<String> current() {
		throw new UnsupportedOperationException();
	}

	public List<Revision> heads() {
		throw new UnsupportedOperationException();
	}

	public List<Revision> branches() {
		throw new UnsupportedOperationException();
	}

	public List<Revision> history(@Nullable String range) {
		throw new UnsupportedOperationException();
	}

	public Revision show(String identifier) {
		throw new UnsupportedOperationException();
	}

	public ValidationReport validate() {
		throw new UnsupportedOperationException();
	}

	/** Status against the target {@code heads}. */
	public MigrationStatus status() {
		return status("heads");
	}

	public MigrationStatus status(String target) {
		throw new UnsupportedOperationException();
	}

	/** The history table, newest first, at most {@code limit} rows. */
	public List<HistoryEntry> log(int limit) {
		throw new UnsupportedOperationException();
	}

}
