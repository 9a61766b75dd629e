package dev.migration;

import java.util.List;

/**
 * An upgrade found no version table in a schema that already holds objects: the database
 * was built before this tool (or by another one), and running the first revision would
 * fail on, or worse, change what is there. Nothing was run.
 */
public class BaselineRequiredException extends MigrationException {

	private final String schema;

	private final List<String> objects;

	public BaselineRequiredException(String schema, List<String> objects, String versionTable) {
		super("Schema " + schema + " already holds " + describe(objects) + " but has no version table (" + versionTable
				+ "), so it was not built by this tool and no revision ran. If the schema already "
				+ "matches a revision, set migration.baseline=<revision> (or heads; CLI: upgrade --baseline <revision>, "
				+ "Maven: -Dmigration.baseline=<revision>) to record that revision and upgrade from it, or run "
				+ "'stamp <revision>' first; if these objects are not yours, point migration.schema or the URL "
				+ "at an empty schema");
		this.schema = schema;
		this.objects = List.copyOf(objects);
	}

	private static String describe(List<String> objects) {
		int shown = Math.min(objects.size(), 5);
		String names = String.join(", ", objects.subList(0, shown));
		return objects.size() + ((objects.size() == 1) ? " object (" : " objects (") + names
				+ ((objects.size() > shown) ? ", ..." : "") + ")";
	}

	/** The schema (MySQL database) that holds the objects. */
	public String getSchema() {
		return this.schema;
	}

	/** Some of the objects found, as {@code kind name}. */
	public List<String> getObjects() {
		return this.objects;
	}

}
