package dev.migration.autoconfigure.slice;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.command.Migrator;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @JdbcTest} migrates its (embedded) test database like the application does. */
@JdbcTest
class JdbcTestSliceTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Migrator migrator;

	@Test
	void testDatabaseIsMigrated() {
		assertThat(this.migrator.current()).containsExactly("c3c3c3c3c3c3");
		assertThat(this.jdbc.queryForObject("SELECT name FROM person WHERE id = 1", String.class)).isEqualTo("Ada");
	}

}
