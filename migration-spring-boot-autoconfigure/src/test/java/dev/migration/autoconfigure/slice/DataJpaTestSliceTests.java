package dev.migration.autoconfigure.slice;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;

import dev.migration.autoconfigure.jpa.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataJpaTest} migrates its test database before Hibernate validates the entities
 * against it.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
class DataJpaTestSliceTests {

	@Autowired
	TestEntityManager entityManager;

	@Test
	void entitiesReadTheMigratedTables() {
		assertThat(this.entityManager.find(Person.class, 1L).getName()).isEqualTo("Ada");
	}

}
