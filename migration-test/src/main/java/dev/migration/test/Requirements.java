package dev.migration.test;

import java.util.List;

/**
 * The optional dependencies, checked before a class that needs them is touched, so that a
 * missing one fails with the dependency to add instead of a {@link NoClassDefFoundError}.
 */
final class Requirements {

	private Requirements() {
	}

	static void autogenerate(String check) {
		require("dev.migration.autogenerate.SchemaReader", check, "dev.migration:migration-autogenerate",
				"its catalog readers and `check`");
	}

	static boolean present(String className) {
		try {
			Class.forName(className, false, Requirements.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	private static void require(String className, String check, String artifact, String what) {
		if (!present(className)) {
			throw new MigrationCheckFailure(check, null, null,
					"The " + check + " check needs " + what + " from " + artifact
							+ ", which is not on the test class path. Add it with test scope beside migration-test",
					List.of(), null);
		}
	}

}
