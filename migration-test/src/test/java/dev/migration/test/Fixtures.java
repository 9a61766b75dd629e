package dev.migration.test;

import dev.migration.testing.TestDatabase;

/** Where the fixture revisions are: a shared base, and one folder per story. */
final class Fixtures {

	static final String BASE = "classpath:dev/migration/test/fixtures/base";

	static final String GOOD = "classpath:dev/migration/test/fixtures/good";

	static final String FORGOTTEN_INDEX = "classpath:dev/migration/test/fixtures/forgotten";

	static final String TWO_HEADS = "classpath:dev/migration/test/fixtures/twoheads";

	static final String LOSSY = "classpath:dev/migration/test/fixtures/lossy";

	static final String DUPLICATE_LABEL = "classpath:dev/migration/test/fixtures/labels";

	static final String FORGOTTEN_VIEW = "classpath:dev/migration/test/fixtures/objects";

	static final String FORGOTTEN_ROUTINES = "classpath:dev/migration/test/fixtures/pgobjects";

	private Fixtures() {
	}

	static MigrationChecks checks(TestDatabase db, String... locations) {
		return MigrationChecks.forDataSource(db.dataSource()).locations(locations);
	}

}
