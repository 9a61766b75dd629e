package dev.migration.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.MigrationConfig;
import dev.migration.MigrationException;
import dev.migration.Revision;
import dev.migration.command.Migrator;
import dev.migration.sql.Dialect;

/**
 * Alembic's {@code revision --autogenerate} and {@code check}: compares the desired
 * schema with the database at its head and writes the difference as a new revision, or
 * reports it.
 */
public final class Autogenerator {

	private static final Logger log = LoggerFactory.getLogger(Autogenerator.class);

	private final Migrator migrator;

	private final Renames renames;

	public Autogenerator(Migrator migrator) {
		this(migrator, Renames.NONE);
	}

	/**
	 * An autogenerator that makes the confirmed renames as renames.
	 * @param migrator the migrator of the revisions and database
	 * @param renames the renames ({@code --rename})
	 */
	public Autogenerator(Migrator migrator, Renames renames) {
		this.migrator = migrator;
		this.renames = renames;
	}

	/**
	 * Compare the desired schema with the live one.
	 * @param desired the desired schema
	 * @return the difference and the models compared
	 */
	public Comparison compare(DesiredSource desired) {
		return compare(desired, this.renames);
	}

	private Comparison compare(DesiredSource desired, Renames renames) {
		MigrationConfig config = this.migrator.config();
		DataSource dataSource = config.dataSource();
		if (dataSource == null) {
			throw new MigrationException(
					"autogenerate needs a database to compare with; configure a URL or DataSource");
		}
		try (Connection connection = dataSource.getConnection()) {
			Dialect dialect = (config.dialect() != null) ? config.dialect() : Dialect.detect(connection);
			SchemaModel live = SchemaReader.read(connection, dialect, config.schema(),
					List.of(config.versionTable(), config.historyTable(), config.formatTable()));
			SchemaModel wanted = desired.load(dialect, connection);
			return new Comparison(dialect, live, wanted, SchemaComparator.compare(wanted, live, dialect, renames));
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot connect to compare the schema: " + ex.getMessage(), ex);
		}
	}

	/**
	 * {@code check}: 0 when the database at head matches, 1 with the differences.
	 * @param desired the desired schema
	 * @return the result
	 */
	public CheckResult check(DesiredSource desired) {
		requireAtHead("check");
		return new CheckResult(compare(desired).diff().describe());
	}

	/**
	 * {@code revision --autogenerate}: the difference between the database at head and
	 * the desired schema, as the body of a new revision for {@link RevisionAuthor}.
	 * @param desired the desired schema
	 * @return the body
	 */
	public RevisionBody revisionBody(DesiredSource desired) {
		return changes(desired, true).orElseThrow();
	}

	/**
	 * {@code revision --autogenerate} as Alembic's {@code revision_environment}: the body
	 * of a new revision, or nothing when the database at head already matches (no changes
	 * and no warnings), so that no empty file is written.
	 * @param desired the desired schema
	 * @param allowEmpty whether to give a body even when nothing changed
	 * @return the body, or empty when nothing changed
	 */
	public Optional<RevisionBody> changes(DesiredSource desired, boolean allowEmpty) {
		return changes(desired, allowEmpty, (candidate) -> false);
	}

	/**
	 * As {@link #changes(DesiredSource, boolean)}, asking about each possible rename (a
	 * terminal's prompt): the confirmed ones are made as renames, and the comparison runs
	 * again with them until no new candidate comes up.
	 * @param desired the desired schema
	 * @param allowEmpty whether to give a body even when nothing changed
	 * @param confirm answers whether a possible rename is one
	 * @return the body, or empty when nothing changed
	 */
	public Optional<RevisionBody> changes(DesiredSource desired, boolean allowEmpty,
			Predicate<RenameCandidate> confirm) {
		requireAtHead("revision --autogenerate");
		Renames renames = this.renames;
		Comparison comparison = compare(desired, renames);
		Set<String> asked = new HashSet<>();
		while (true) {
			Set<String> taken = new HashSet<>();
			List<String> confirmed = new ArrayList<>();
			for (RenameCandidate candidate : comparison.diff().renameCandidates()) {
				if (asked.add(candidate.spec().toLowerCase(Locale.ROOT)) && !taken.contains(candidate.source())
						&& !taken.contains(candidate.target()) && confirm.test(candidate)) {
					confirmed.add(candidate.spec());
					taken.add(candidate.source());
					taken.add(candidate.target());
				}
			}
			if (confirmed.isEmpty()) {
				break;
			}
			renames = renames.with(confirmed);
			comparison = compare(desired, renames);
		}
		log.info("autogenerate found {} change(s)", comparison.diff().changes().size());
		if (!allowEmpty && comparison.diff().isEmpty() && comparison.diff().warnings().isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new AutogeneratedBody(comparison));
	}

	/** What {@code revision --autogenerate} prints when the models match the database. */
	public static final String NO_CHANGES = "No changes detected: the database at head matches the models; "
			+ "no revision written (pass --allow-empty to write an empty one).";

	private List<String> requireAtHead(String command) {
		List<String> heads = this.migrator.heads().stream().map(Revision::id).toList();
		Set<String> current = new HashSet<>(this.migrator.current());
		if (!current.equals(new HashSet<>(heads))) {
			throw new MigrationException(
					"Cannot " + command + ": the database is at " + (current.isEmpty() ? "base" : current)
							+ " but the revisions' head is " + heads + "; run `upgrade heads` first, so that the "
							+ "comparison starts from the schema the revisions make");
		}
		return heads;
	}

	/**
	 * What was compared and found.
	 *
	 * @param dialect the target dialect
	 * @param live the database's schema
	 * @param desired the wanted schema
	 * @param diff the difference
	 */
	public record Comparison(Dialect dialect, SchemaModel live, SchemaModel desired, SchemaDiff diff) {

	}

}
