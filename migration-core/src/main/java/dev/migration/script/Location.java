package dev.migration.script;

import dev.migration.InvalidConfigurationException;

/**
 * A configured location: {@code classpath:db/migration}, {@code filesystem:/path}, or a
 * bare path meaning the classpath.
 *
 * @param written the location as the user wrote it (trailing slashes removed), the prefix
 * of every file's location in messages
 * @param classpath whether it is on the classpath
 * @param path the resource path (classpath, no leading or trailing slash) or file path
 */
record Location(String written, boolean classpath, String path) {

	static final String CLASSPATH = "classpath:";

	static final String FILESYSTEM = "filesystem:";

	static Location parse(String location) {
		String written = stripTrailingSlashes(location.strip());
		if (written.startsWith(FILESYSTEM)) {
			String path = written.substring(FILESYSTEM.length());
			if (path.isEmpty()) {
				throw new InvalidConfigurationException("locations", "'" + location + "' names no directory");
			}
			return new Location(written, false, path);
		}
		String path = written.startsWith(CLASSPATH) ? written.substring(CLASSPATH.length()) : written;
		int colon = path.indexOf(':');
		if (colon > 0 && path.indexOf('/') > colon || colon > 0 && path.indexOf('/') < 0) {
			throw new InvalidConfigurationException("locations",
					"'" + location + "' has an unknown prefix; use classpath:path/in/jar or filesystem:/path/on/disk");
		}
		while (path.startsWith("/")) {
			path = path.substring(1);
		}
		if (path.isEmpty()) {
			throw new InvalidConfigurationException("locations",
					"'" + location + "' would scan the whole classpath; name a package such as classpath:db/migration");
		}
		return new Location(written, true, path);
	}

	private static String stripTrailingSlashes(String location) {
		String result = location;
		while (result.length() > 1 && result.endsWith("/")) {
			result = result.substring(0, result.length() - 1);
		}
		return result;
	}

	/** The Java package of classpath migrations in this location. */
	String packageName() {
		return this.path.replace('/', '.');
	}

	/** The location of a file below this location, as messages show it. */
	String child(String relativePath) {
		return this.written + "/" + relativePath;
	}

}
