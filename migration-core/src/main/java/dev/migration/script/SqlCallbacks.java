package dev.migration.script;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.migration.HistoryEntry;
import dev.migration.ScriptParseException;
import dev.migration.sql.Dialect;

/**
 * SQL callback scripts, as Flyway's: a file in a location named for an event
 * ({@code afterUpgrade.sql}, or {@code afterUpgrade__grants.sql} when there are several
 * for one event) is not a revision: it holds plain SQL (no header, no sections) that runs
 * when the event happens. Several scripts of one event run in file-name order.
 */
public final class SqlCallbacks {

	/** No callback scripts. */
	public static final SqlCallbacks NONE = new SqlCallbacks(Map.of());

	/** When a callback script runs. */
	public enum Event {

		/** Once per {@code upgrade}, under the lock, before its first revision. */
		BEFORE_UPGRADE("beforeUpgrade"),

		/** Before each revision an upgrade applies, in its transaction. */
		BEFORE_EACH_REVISION("beforeEachRevision"),

		/** After each revision an upgrade applies, in its transaction. */
		AFTER_EACH_REVISION("afterEachRevision"),

		/** Once per successful {@code upgrade}, even when nothing was pending. */
		AFTER_UPGRADE("afterUpgrade"),

		/** Once per failed {@code upgrade}, after the failed work was rolled back. */
		AFTER_UPGRADE_ERROR("afterUpgradeError"),

		/** Once per {@code downgrade}, under the lock, before its first revision. */
		BEFORE_DOWNGRADE("beforeDowngrade"),

		/** Before each revision a downgrade reverts, in its transaction. */
		BEFORE_EACH_DOWNGRADE("beforeEachDowngrade"),

		/** After each revision a downgrade reverts, in its transaction. */
		AFTER_EACH_DOWNGRADE("afterEachDowngrade"),

		/** Once per successful {@code downgrade}. */
		AFTER_DOWNGRADE("afterDowngrade"),

		/** Once per failed {@code downgrade}, after the failed work was rolled back. */
		AFTER_DOWNGRADE_ERROR("afterDowngradeError");

		private static final Map<String, Event> BY_FILE_NAME = Arrays.stream(values())
			.collect(Collectors.toUnmodifiableMap(Event::fileName, Function.identity()));

		private final String fileName;

		Event(String fileName) {
			this.fileName = fileName;
		}

		/** The file name without {@code .sql}, e.g. {@code beforeUpgrade}. */
		public String fileName() {
			return this.fileName;
		}

		/** The event of a file name, or {@code null} when it names no event. */
		static @Nullable Event ofFile(String relativePath) {
			String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
			if (!name.endsWith(".sql")) {
				return null;
			}
			String base = name.substring(0, name.length() - ".sql".length());
			int description = base.indexOf("__");
			String event = (description >= 0) ? base.substring(0, description) : base;
			return BY_FILE_NAME.get(event);
		}

		/** The run-level event before a command, {@code null} for none. */
		public static @Nullable Event before(String command) {
			return switch (command) {
				case "upgrade" -> BEFORE_UPGRADE;
				case "downgrade" -> BEFORE_DOWNGRADE;
				default -> null;
			};
		}

		/** The run-level event after a successful command, {@code null} for none. */
		public static @Nullable Event after(String command) {
			return switch (command) {
				case "upgrade" -> AFTER_UPGRADE;
				case "downgrade" -> AFTER_DOWNGRADE;
				default -> null;
			};
		}

		/** The run-level event after a failed command, {@code null} for none. */
		public static @Nullable Event error(String command) {
			return switch (command) {
				case "upgrade" -> AFTER_UPGRADE_ERROR;
				case "downgrade" -> AFTER_DOWNGRADE_ERROR;
				default -> null;
			};
		}

		/** The event before each revision of a direction, {@code null} for none. */
		public static @Nullable Event beforeEach(HistoryEntry.Direction direction) {
			return switch (direction) {
				case UPGRADE -> BEFORE_EACH_REVISION;
				case DOWNGRADE -> BEFORE_EACH_DOWNGRADE;
				default -> null;
			};
		}

		/** The event after each revision of a direction, {@code null} for none. */
		public static @Nullable Event afterEach(HistoryEntry.Direction direction) {
			return switch (direction) {
				case UPGRADE -> AFTER_EACH_REVISION;
				case DOWNGRADE -> AFTER_EACH_DOWNGRADE;
				default -> null;
			};
		}

	}

	/**
	 * One callback script.
	 *
	 * @param event when it runs
	 * @param location its file, for messages
	 * @param sql its text (placeholders filled), split per dialect on first use
	 */
	public record Script(Event event, String location, SqlMigration sql) {

		/** Its statements for a dialect, split as revisions are. */
		public List<SqlStatement> statements(Dialect dialect) {
			return this.sql.statements(HistoryEntry.Direction.UPGRADE, dialect);
		}

	}

	private static final Map<String, String> FLYWAY_NAMES = Map.of("beforeMigrate", "beforeUpgrade",
			"beforeEachMigrate", "beforeEachRevision", "afterEachMigrate", "afterEachRevision", "afterMigrate",
			"afterUpgrade", "afterMigrateError", "afterUpgradeError", "beforeUndo", "beforeDowngrade", "beforeEachUndo",
			"beforeEachDowngrade", "afterEachUndo", "afterEachDowngrade", "afterUndo", "afterDowngrade",
			"afterUndoError", "afterDowngradeError");

	private final Map<Event, List<Script>> scripts;

	private SqlCallbacks(Map<Event, List<Script>> scripts) {
		this.scripts = scripts;
	}

	/**
	 * Our file name for a Flyway SQL callback's.
	 * @param flywayFileName e.g. {@code afterMigrate__grants.sql}
	 * @return e.g. {@code afterUpgrade__grants.sql}, {@code null} when it is not one
	 */
	public static @Nullable String renamedFromFlyway(String flywayFileName) {
		if (!flywayFileName.endsWith(".sql")) {
			return null;
		}
		int end = flywayFileName.indexOf("__");
		String base = flywayFileName.substring(0, (end >= 0) ? end : flywayFileName.length() - ".sql".length());
		String ours = FLYWAY_NAMES.get(base);
		return (ours != null) ? ours + flywayFileName.substring(base.length()) : null;
	}

	/** The scripts of an event, in file-name order; empty for {@code null}. */
	public List<Script> scripts(@Nullable Event event) {
		return (event != null) ? this.scripts.getOrDefault(event, List.of()) : List.of();
	}

	public boolean isEmpty() {
		return this.scripts.isEmpty();
	}

	/** Every script, by event. */
	public List<Script> all() {
		List<Script> all = new ArrayList<>();
		this.scripts.values().forEach(all::addAll);
		return all;
	}

	@Override
	public String toString() {
		return all().stream().map(Script::location).toList().toString();
	}

	/** Collects scripts while the locations are scanned. */
	static final class Collector {

		private final Map<Event, List<Script>> scripts = new EnumMap<>(Event.class);

		/**
		 * Take a file when its name is an event's.
		 * @return whether it was a callback script
		 */
		boolean offer(String location, String relativePath, byte[] content, @Nullable Placeholders placeholders) {
			Event event = Event.ofFile(relativePath);
			if (event == null) {
				refuseFlywayName(location, relativePath);
				return false;
			}
			String text = Checksums.normalize(SqlScriptParser.decode(location, content));
			SqlMigration sql = new SqlMigration(event.fileName(), location, text, 1, null, 0, null);
			if (placeholders != null) {
				sql = sql.filled(placeholders);
			}
			this.scripts.computeIfAbsent(event, (key) -> new ArrayList<>()).add(new Script(event, location, sql));
			return true;
		}

		/**
		 * A Flyway callback name would otherwise fail as a revision without a header; say
		 * what it is called here.
		 */
		private static void refuseFlywayName(String location, String relativePath) {
			String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
			String ours = renamedFromFlyway(name);
			if (ours != null) {
				int end = name.indexOf("__");
				String base = name.substring(0, (end >= 0) ? end : name.length() - ".sql".length());
				throw new ScriptParseException(location, 0, "'" + base + "' is Flyway's callback name; here it is '"
						+ Event.ofFile(ours).fileName() + "': rename the file to " + ours);
			}
		}

		SqlCallbacks build() {
			if (this.scripts.isEmpty()) {
				return NONE;
			}
			Map<Event, List<Script>> sorted = new EnumMap<>(Event.class);
			this.scripts.forEach((event, list) -> {
				List<Script> copy = new ArrayList<>(list);
				copy.sort((a, b) -> fileName(a).compareTo(fileName(b)));
				sorted.put(event, List.copyOf(copy));
			});
			return new SqlCallbacks(sorted);
		}

		private static String fileName(Script script) {
			return script.location().substring(script.location().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
		}

	}

}
