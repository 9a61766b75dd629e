package dev.migration.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import dev.migration.script.SqlCallbacks;

/**
 * One script of a Flyway location, named as Flyway's defaults want it:
 * {@code V<version>__<description>.sql}, {@code U<version>__<description>.sql} (undo) or
 * {@code R__<description>.sql} (repeatable), with an optional {@code <name>.sql.conf}.
 *
 * @param type {@code V}, {@code U} or {@code R}
 * @param version the version ({@code null} for repeatables)
 * @param description the description, {@code _} read as a space
 * @param file the file
 * @param name the file name
 * @param sql the content (UTF-8, byte-order mark removed)
 * @param checksum Flyway's checksum of the content
 * @param transactional whether Flyway runs it in a transaction
 */
record FlywayScript(char type, @Nullable FlywayVersion version, String description, Path file, String name, String sql,
		int checksum, boolean transactional) {

	/**
	 * Statements PostgreSQL refuses in a transaction; Flyway notices them and runs the
	 * script outside one, so the import marks the revision {@code transactional: false}.
	 */
	private static final Pattern NON_TRANSACTIONAL = Pattern.compile(
			"(?im)^\\s*(CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY|DROP\\s+INDEX\\s+CONCURRENTLY|REINDEX\\s+.*CONCURRENTLY"
					+ "|VACUUM|ALTER\\s+SYSTEM|CREATE\\s+DATABASE|DROP\\s+DATABASE)\\b");

	/**
	 * The scripts below the locations (subfolders included), in path order.
	 * @param locations Flyway locations as directories
	 * @param problems where misnamed files are reported
	 * @return the scripts
	 */
	static List<FlywayScript> scan(List<Path> locations, List<String> problems) {
		List<FlywayScript> scripts = new ArrayList<>();
		for (Path location : locations) {
			if (!Files.isDirectory(location)) {
				problems.add("Flyway location " + location + " is not a directory");
				continue;
			}
			try (Stream<Path> files = Files.walk(location)) {
				for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
					String name = file.getFileName().toString();
					if (name.endsWith(".sql")) {
						FlywayScript script = read(file, name, problems);
						if (script != null) {
							scripts.add(script);
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return scripts;
	}

	private static @Nullable FlywayScript read(Path file, String name, List<String> problems) {
		char type = name.charAt(0);
		int separator = name.indexOf("__");
		String callback = SqlCallbacks.renamedFromFlyway(name);
		if (callback != null) {
			problems.add(file + ": a Flyway SQL callback, which the import does not carry over; move it out of the "
					+ "Flyway locations, and after the import copy it into the new location as " + callback
					+ " (the same event here)");
			return null;
		}
		if ((type != 'V' && type != 'U' && type != 'R') || separator < 1) {
			problems.add(file + ": not a Flyway script name (V<version>__<description>.sql, "
					+ "U<version>__<description>.sql or R__<description>.sql); rename or move it");
			return null;
		}
		String description = name.substring(separator + 2, name.length() - ".sql".length()).replace('_', ' ');
		FlywayVersion version = null;
		if (type == 'R') {
			if (separator != 1) {
				problems
					.add(file + ": a repeatable script has no version; name it R__" + name.substring(separator + 2));
				return null;
			}
		}
		else {
			version = FlywayVersion.parse(name.substring(1, separator));
			if (version == null) {
				problems.add(file + ": '" + name.substring(1, separator) + "' is not a Flyway version (numbers "
						+ "separated by . or _)");
				return null;
			}
		}
		String sql = content(file);
		if (!sql.isEmpty() && sql.charAt(0) == '\uFEFF') {
			sql = sql.substring(1);
		}
		boolean transactional = conf(file, problems) && !NON_TRANSACTIONAL.matcher(sql).find();
		return new FlywayScript(type, version, description, file, name, sql, FlywayChecksum.of(sql), transactional);
	}

	/**
	 * {@code executeInTransaction} of the script's {@code .sql.conf}, true without one.
	 */
	private static boolean conf(Path file, List<String> problems) {
		Path conf = file.resolveSibling(file.getFileName() + ".conf");
		if (!Files.isRegularFile(conf)) {
			return true;
		}
		Properties properties = new Properties();
		try (var reader = Files.newBufferedReader(conf, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (String key : properties.stringPropertyNames()) {
			if (!key.equals("executeInTransaction") && !key.equals("encoding")) {
				problems.add(conf + ": '" + key + "' is not supported by the import (only executeInTransaction)");
			}
		}
		return !"false".equals(properties.getProperty("executeInTransaction", "true").strip().toLowerCase(Locale.ROOT));
	}

	private static String content(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
