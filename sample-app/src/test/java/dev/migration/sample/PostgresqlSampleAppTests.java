package dev.migration.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

/**
 * The sample app on a fresh Postgresql database.
 */
class PostgresqlSampleAppTests extends SampleAppTests {

	private static TestDatabase database;

	@BeforeAll
	static void createDatabase() {
		database = TestDatabase.create(DatabaseKind.POSTGRESQL);
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		registerDataSource(registry, () -> database);
	}

	@Override
	TestDatabase database() {
		return database;
	}

}
