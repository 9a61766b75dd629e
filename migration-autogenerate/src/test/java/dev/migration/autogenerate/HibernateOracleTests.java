package dev.migration.autogenerate;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.autogenerate.oracle.catalog.Dimensions;
import dev.migration.autogenerate.oracle.catalog.Gadget;
import dev.migration.autogenerate.oracle.catalog.Product;
import dev.migration.autogenerate.oracle.plain.Author;
import dev.migration.autogenerate.oracle.plain.Book;
import dev.migration.autogenerate.oracle.catalog.Dimensions;
import dev.migration.autogenerate.oracle.catalog.Gadget;
import dev.migration.autogenerate.oracle.catalog.Product;
import dev.migration.autogenerate.oracle.plain.Author;
import dev.migration.autogenerate.oracle.plain.Book;
import dev.migration.autogenerate.oracle.shop.Address;
import dev.migration.autogenerate.oracle.shop.Chip;
import dev.migration.autogenerate.oracle.shop.Customer;
import dev.migration.autogenerate.oracle.shop.Person;
import dev.migration.autogenerate.oracle.shop.Tag;
import dev.migration.autogenerate.oracle.shop.Vet;
import dev.migration.autogenerate.oracle.shop.Visit;
import dev.migration.op.Operations;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate is the oracle: what autogenerate makes from an empty database, Hibernate's
 * own {@code validate} accepts, and a database Hibernate built with {@code create} checks
 * clean.
 */
class HibernateOracleTests {

	static final List<Class<?>> SHOP = List.of(Address.class, Person.class, Customer.class, Vet.class, Tag.class,
			Chip.class, Visit.class);

	static final List<Class<?>> PLAIN = List.of(Author.class, Book.class);

	static final List<Class<?>> CATALOG = List.of(Dimensions.class, Product.class,
			dev.migration.autogenerate.oracle.catalog.Book.class, Gadget.class);

	@ParameterizedTest
	@MethodSource("kinds")
	void shopFromEmptyValidatesAndHibernatesOwnSchemaChecksClean(DatabaseKind kind) throws Exception {
		fromEmptyValidatesAndHibernatesOwnSchemaChecksClean(kind, SHOP);
	}

	@ParameterizedTest
	@MethodSource("kinds")
	void defaultsOnlyFromEmptyValidatesAndHibernatesOwnSchemaChecksClean(DatabaseKind kind) throws Exception {
		fromEmptyValidatesAndHibernatesOwnSchemaChecksClean(kind, PLAIN);
	}

	@ParameterizedTest
	@MethodSource("kinds")
	void singleTableFromEmptyValidatesAndHibernatesOwnSchemaChecksClean(DatabaseKind kind) throws Exception {
		fromEmptyValidatesAndHibernatesOwnSchemaChecksClean(kind, CATALOG);
	}

	private static void fromEmptyValidatesAndHibernatesOwnSchemaChecksClean(DatabaseKind kind, List<Class<?>> model)
			throws Exception {
		try (TestDatabase db = TestDatabase.create(kind);
				Connection connection = db.connect();
				HibernateOracle hibernate = new HibernateOracle(db, model)) {
			SchemaModel desired = DesiredSchema.fromEntities(model, db.dialect(), connection);
			SchemaDiff diff = SchemaComparator.compare(desired, SchemaDiffTests.read(db, connection), db.dialect());
			Operations op = new JdbcContext(db.dialect(), connection).op();
			diff.upgrade().forEach(op::run);
			hibernate.validate();
			assertThat(differences(db, connection, desired)).isEmpty();
			diff.downgrade().forEach(op::run);
			assertThat(db.tables()).isEmpty();
			assertThat(SchemaDiffTests.read(db, connection).sequences()).isEmpty();
			hibernate.create();
			assertThat(differences(db, connection, desired)).isEmpty();
			hibernate.drop();
		}
	}

	static List<String> differences(TestDatabase db, Connection connection, SchemaModel desired) {
		return SchemaComparator.compare(desired, SchemaDiffTests.read(db, connection), db.dialect()).describe();
	}

	static java.util.stream.Stream<DatabaseKind> kinds() {
		return TestDatabase.kinds().filter((kind) -> kind != DatabaseKind.SQLITE);
	}

}
