package dev.migration.test;

import org.junit.jupiter.api.Test;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The stairway compares more than tables: views, sequences, routines, triggers and checks
 * a downgrade forgets are left behind too.
 */
class StairwayObjectsTests {

	@EachDatabase
	void stairwayCatchesAForgottenView(TestDatabase db) {
		MigrationChecks checks = Fixtures.checks(db, Fixtures.BASE, Fixtures.FORGOTTEN_VIEW);
		assertThatExceptionOfType(MigrationCheckFailure.class).isThrownBy(checks::stairway)
			.satisfies((failure) -> assertThat(failure.getDifferences()).singleElement()
				.asString()
				.startsWith("left behind: view new_accounts: ")
				.containsIgnoringCase("accounts"));
	}

	@Test
	void stairwayCatchesAForgottenSequenceFunctionAndCheckOnPostgresql() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			MigrationChecks checks = Fixtures.checks(db, Fixtures.BASE, Fixtures.FORGOTTEN_ROUTINES);
			assertThatExceptionOfType(MigrationCheckFailure.class).isThrownBy(checks::stairway)
				.satisfies((failure) -> assertThat(failure.getDifferences()).containsExactly(
						"left behind: check on accounts: CHECK (((email)::text <> ''::text))",
						"left behind: function lower_email(): BEGIN NEW.email := lower(NEW.email); RETURN NEW; END",
						"left behind: sequence account_numbers bigint start 100 increment 1"));
		}
	}

}
