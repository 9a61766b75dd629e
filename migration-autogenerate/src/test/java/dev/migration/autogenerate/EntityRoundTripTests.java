package dev.migration.autogenerate;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.autogenerate.entities.Owner;
import dev.migration.autogenerate.entities.PetV1;
import dev.migration.autogenerate.entities.PetV2;
import dev.migration.autogenerate.entities.PetV3;
import dev.migration.autogenerate.entities.PetV4;
import dev.migration.autogenerate.entities.PetV5;
import dev.migration.op.Operations;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desired schema from JPA entities through Hibernate's DDL: from an empty database,
 * each entity change autogenerates exactly its operations, which upgrade to a clean check
 * and downgrade to the catalogue before.
 */
class EntityRoundTripTests {

	@ParameterizedTest
	@MethodSource("dev.migration.testing.TestDatabase#kinds")
	void entityChangesAutogenerateExactlyTheirOperations(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind); Connection connection = db.connect()) {
			assertThat(step(db, connection, Owner.class)).containsExactly("add table owner");
			assertThat(step(db, connection, Owner.class, PetV1.class)).containsExactly("add table pet");
			assertThat(step(db, connection, Owner.class, PetV2.class)).containsExactly("add column pet.born date");
			assertThat(step(db, connection, Owner.class, PetV3.class)).containsExactly("remove column pet.notes");
			assertThat(step(db, connection, Owner.class, PetV4.class))
				.containsExactly("modify column pet.name: type string(50) -> string(80) not null");
			assertThat(step(db, connection, Owner.class, PetV5.class))
				.containsExactly("add unique constraint ux_pet_name on pet[owner_id, name]");
			assertThat(step(db, connection, Owner.class)).containsExactly("remove table pet");
		}
	}

	private static List<String> step(TestDatabase db, Connection connection, Class<?>... entities) {
		SchemaModel desired = DesiredSchema.fromEntities(List.of(entities), db.dialect(), connection);
		List<String> before = SchemaDiffTests.catalogue(db);
		SchemaDiff diff = SchemaComparator.compare(desired, SchemaDiffTests.read(db, connection), db.dialect());
		Operations op = new JdbcContext(db.dialect(), connection).op();
		diff.upgrade().forEach(op::run);
		assertThat(SchemaComparator.compare(desired, SchemaDiffTests.read(db, connection), db.dialect()).describe())
			.isEmpty();
		diff.downgrade().forEach(op::run);
		assertThat(SchemaDiffTests.catalogue(db)).isEqualTo(before);
		diff.upgrade().forEach(op::run);
		return diff.describe();
	}

}
