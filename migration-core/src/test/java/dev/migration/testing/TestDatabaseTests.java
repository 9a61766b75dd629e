package dev.migration.testing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabaseTests {

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void eachDatabaseIsFreshAndIsolated(DatabaseKind kind) {
		try (TestDatabase first = TestDatabase.create(kind); TestDatabase second = TestDatabase.create(kind)) {
			first.execute("CREATE TABLE probe (id INT PRIMARY KEY)");
			assertThat(first.tables()).containsExactly("probe");
			assertThat(second.tables()).isEmpty();
		}
	}

	@org.junit.jupiter.api.Test
	void replaceDatabaseKeepsHostAndParameters() {
		assertThat(TestDatabase.replaceDatabase("jdbc:mariadb://127.0.0.1:3306/test?a=b", "x"))
			.isEqualTo("jdbc:mariadb://127.0.0.1:3306/x?a=b");
		assertThat(TestDatabase.replaceDatabase("jdbc:mariadb://h:1", "x")).isEqualTo("jdbc:mariadb://h:1/x");
	}

}
