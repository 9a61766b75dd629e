package dev.migration.sample;

import dev.migration.testing.DatabaseKind;

/**
 * The sample app on a fresh Mariadb database.
 */
@SampleDatabase(DatabaseKind.MARIADB)
class MariadbSampleAppTests extends SampleAppTests {

}
