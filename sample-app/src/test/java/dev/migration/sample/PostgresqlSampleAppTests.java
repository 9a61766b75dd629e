package dev.migration.sample;

import dev.migration.testing.DatabaseKind;

/**
 * The sample app on a fresh Postgresql database.
 */
@SampleDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlSampleAppTests extends SampleAppTests {

}
