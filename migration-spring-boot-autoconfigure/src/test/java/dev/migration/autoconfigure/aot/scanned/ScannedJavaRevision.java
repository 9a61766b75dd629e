package dev.migration.autoconfigure.aot.scanned;

import dev.migration.Migration;
import dev.migration.MigrationContext;
import dev.migration.RevisionInfo;

/** A Java revision found by scanning its location, not a bean. */
@RevisionInfo(id = "d4d4d4d4d4d4", revises = "a0a0a0a0a0a0", message = "Scanned Java revision")
public class ScannedJavaRevision implements Migration {

	@Override
	public void upgrade(MigrationContext context) throws Exception {
		context.connection().createStatement().execute("CREATE TABLE aot_scanned (id INT PRIMARY KEY)");
	}

}
