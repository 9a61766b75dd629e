package dev.migration.autogenerate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
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

	private static final SecureRandom random = new SecureRandom();

	/** The file format of a generated revision. */
	public enum Format {

		/** A Java class with {@code op} calls (the default). */
		JAVA,

		/** An SQL script for the target dialect. */
		SQL

	}

	private final Migrator migrator;

	public Autogenerator(Migrator migrator) {
		this.migrator = migrator;
	}

	/**
	 * Compare the desired schema with the live one.
	 * @param desired the desired schema
	 * @return the difference and the models compared
	 */
	public Comparison compare(DesiredSource desired) {
		MigrationConfig config = this.migrator.config();
		DataSource dataSource = config.dataSource();
		if (dataSource == null) {
			throw new MigrationException(
					"autogenerate needs a database to compare with; configure a URL or DataSource");
		}
		try (Connection connection = dataSource.getConnection()) {
			Dialect dialect = (config.dialect() != null) ? config.dialect() : Dialect.detect(connection);
			SchemaModel live = SchemaReader.read(connection, dialect, config.schema(),
					List.of(config.versionTable(), config.historyTable()));
			SchemaModel wanted = desired.load(dialect, connection);
			return new Comparison(dialect, live, wanted, SchemaComparator.compare(wanted, live, dialect));
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
	 * {@code revision --autogenerate}: write a new revision with the difference.
	 * @param message the revision message
	 * @param desired the desired schema, or {@code null} for an empty revision (no
	 * comparison, no database needed)
	 * @param directory where to write the file (a Java package directory for Java)
	 * @param format Java or SQL
	 * @param packageName the Java package of the class, {@code null} for the default
	 * package
	 * @return the file written
	 */
	public Path revision(String message, @Nullable DesiredSource desired, Path directory, Format format,
			@Nullable String packageName) {
		List<String> heads = (desired != null) ? requireAtHead("revision --autogenerate")
				: this.migrator.heads().stream().map(Revision::id).toList();
		if (heads.size() > 1) {
			throw new MigrationException("Cannot write a revision: the graph has several heads " + heads
					+ "; run `merge` first so that the new revision has one parent");
		}
		SchemaModel none = new SchemaModel(List.of());
		Comparison comparison = (desired != null) ? compare(desired)
				: new Comparison(
						(this.migrator.config().dialect() != null) ? this.migrator.config().dialect() : Dialect.H2,
						none, none, new SchemaDiff(List.of(), List.of()));
		String id = HexFormat.of().formatHex(bytes());
		NewRevision revision = new NewRevision(id, message, heads, Instant.now().truncatedTo(ChronoUnit.SECONDS));
		String slug = RevisionFiles.slug(message);
		Path file;
		String text;
		if (format == Format.SQL) {
			file = directory.resolve(id + (slug.isEmpty() ? "" : "_" + slug) + ".sql");
			text = RevisionFiles.sql(revision, comparison);
		}
		else {
			String className = "R" + id + (slug.isEmpty() ? "" : "_" + slug);
			file = directory.resolve(className + ".java");
			text = RevisionFiles.java(revision, className, packageName, comparison);
		}
		try {
			Files.createDirectories(directory);
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MigrationException("Cannot write the revision " + file + ": " + ex.getMessage(), ex);
		}
		log.info("{}: generated {} with {} change(s)", id, file, comparison.diff().changes().size());
		return file;
	}

	private static byte[] bytes() {
		byte[] bytes = new byte[6];
		random.nextBytes(bytes);
		return bytes;
	}

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

	/** The header of a new revision. */
	record NewRevision(String id, String message, List<String> revises, Instant created) {

	}

}
