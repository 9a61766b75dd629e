package dev.migration.sample;

import dev.migration.testing.DatabaseKind;

/**
 * The sample app on a fresh H2 database.
 */
@SampleDatabase(DatabaseKind.H2)
class H2SampleAppTests extends SampleAppTests {

}
