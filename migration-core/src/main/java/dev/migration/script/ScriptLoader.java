package dev.migration.script;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.InvalidConfigurationException;
import dev.migration.Migration;
import dev.migration.MigrationConfig;
import dev.migration.Revision;
import dev.migration.ScriptParseException;

/**
 * Finds revisions in the configured locations ({@code classpath:}, {@code filesystem:})
 * and in the configuration's Java migrations.
 * <p>
 * A location yields every {@code .sql} file below it (subfolders included; a file named
 * for a callback event, e.g. {@code afterUpgrade.sql}, is a {@link SqlCallbacks callback
 * script}, not a revision) and, on the class path, every concrete {@link Migration} class
 * in its package and subpackages ({@code classpath:db/migration} is package
 * {@code db.migration}). Files come in path order, locations in configured order, Java
 * migrations passed in the configuration last. A class found by scanning and also passed
 * as an instance (a Spring bean) is taken once, as the instance. A location that does not
 * exist is an error unless it is the default one or
 * {@link MigrationConfig#failOnMissingLocations()} is off.
 */
public final class ScriptLoader {

	private static final Logger log = LoggerFactory.getLogger(ScriptLoader.class);

	private ScriptLoader() {
	}

	/**
	 * Load every revision.
	 * @param config the locations, class loader and Java migrations
	 * @return the revisions, with their bodies
	 * @throws ScriptParseException for a script or class that cannot be read, naming the
	 * file and line
	 * @throws InvalidConfigurationException for a bad location
	 * @throws MissingLocationException for a location that does not exist
	 */
	public static List<Revision> load(MigrationConfig config) {
		return load(config, () -> DatabaseFacts.offline(config));
	}

	/**
	 * Load every revision for a database: {@code {vendor}} in a location and the built-in
	 * placeholders take their values from it.
	 * @param config the locations, class loader, placeholders and Java migrations
	 * @param database the database's facts, asked for only when a location or script
	 * needs them
	 * @return the revisions, with their bodies (placeholders filled)
	 * @throws ScriptParseException for a script or class that cannot be read or a
	 * placeholder without a value, naming the file and line
	 * @throws InvalidConfigurationException for a bad location
	 */
	public static List<Revision> load(MigrationConfig config, Supplier<DatabaseFacts> database) {
		return loadAll(config, database).revisions();
	}

	/**
	 * What the locations hold: the revisions and the SQL callback scripts.
	 *
	 * @param revisions the revisions, with their bodies
	 * @param callbacks the callback scripts ({@link SqlCallbacks})
	 */
	public record Loaded(List<Revision> revisions, SqlCallbacks callbacks) {

		public Loaded {
			revisions = List.copyOf(revisions);
		}

	}

	/**
	 * Load every revision and every callback script for a database (see
	 * {@link #load(MigrationConfig, Supplier)}); a file named for a callback event is a
	 * callback script, not a revision.
	 * @param config the locations, class loader, placeholders and Java migrations
	 * @param database the database's facts, asked for only when needed
	 * @return the revisions and the callback scripts (placeholders filled)
	 */
	public static Loaded loadAll(MigrationConfig config, Supplier<DatabaseFacts> database) {
		Supplier<DatabaseFacts> facts = memoized(database);
		@Nullable Placeholders placeholders = config.placeholderReplacement() ? new Placeholders(config.placeholders(), facts)
				: null;
		long started = System.nanoTime();
		List<Revision> revisions = new ArrayList<>();
		SqlCallbacks.Collector callbacks = new SqlCallbacks.Collector();
		Set<String> given = new HashSet<>();
		for (Migration migration : config.migrations()) {
			given.add(JavaMigrations.annotatedClass(migration.getClass()).getName());
		}
		for (String written : config.locations()) {
			Location location = Location.parse(Vendors.resolve(written, facts));
			boolean strict = config.failOnMissingLocations() && !written.equals(MigrationConfig.DEFAULT_LOCATION);
			LocationScanner.Listing listing = LocationScanner.scan(location, config.classLoader(), strict);
			for (LocationScanner.ScriptFile script : listing.scripts()) {
				if (callbacks.offer(location.child(script.relativePath()), script.relativePath(), script.content(),
						placeholders)) {
					continue;
				}
				Revision revision = SqlScriptParser.parse(location.child(script.relativePath()), script.content());
				revisions.add((placeholders != null) ? filled(revision, placeholders) : revision);
			}
			String packagePrefix = location.packageName() + ".";
			for (String classFile : listing.classFiles()) {
				String className = packagePrefix
						+ classFile.substring(0, classFile.length() - ".class".length()).replace('/', '.');
				if (given.contains(className)) {
					continue;
				}
				Class<? extends Migration> type = JavaMigrations.candidate(className, config.classLoader());
				if (type != null && given.add(className)) {
					revisions.add(JavaMigrations.revision(JavaMigrations.instantiate(type)));
				}
			}
		}
		for (Migration migration : config.migrations()) {
			revisions.add(JavaMigrations.revision(migration));
		}
		if (log.isDebugEnabled()) {
			log.debug("Loaded {} revisions from {} in {} ms", revisions.size(), config.locations(),
					(System.nanoTime() - started) / 1_000_000);
		}
		return new Loaded(revisions, callbacks.build());
	}

	private static Revision filled(Revision revision, Placeholders placeholders) {
		if (!(revision.migration() instanceof SqlMigration sql)) {
			return revision;
		}
		SqlMigration filled = sql.filled(placeholders);
		return (filled == sql) ? revision
				: new Revision(revision.id(), revision.message(), revision.revises(), revision.dependsOn(),
						revision.branchLabels(), revision.created(), revision.transactional(), revision.kind(),
						revision.location(), revision.checksum(), filled);
	}

	private static Supplier<DatabaseFacts> memoized(Supplier<DatabaseFacts> supplier) {
		AtomicReference<DatabaseFacts> read = new AtomicReference<>();
		return () -> read.updateAndGet((known) -> (known != null) ? known : supplier.get());
	}

}
