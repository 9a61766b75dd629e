package dev.migration.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs a test once on each database kind (all of them, or the ones named, in that order),
 * each time on a fresh {@link TestDatabase} that is dropped after the test. The test
 * method takes a {@link TestDatabase} parameter, and may take the {@link DatabaseKind}
 * and a {@link Connection} to the database (closed after the test) too. The database is
 * made before the test (not while its parameters are resolved), so a server that is not
 * there skips that run as {@link TestDatabase#create} says.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(EachDatabase.Runs.class)
public @interface EachDatabase {

	/** The kinds to run on, in order; none means every kind. */
	DatabaseKind[] value() default {};

	/** One run a database kind. */
	final class Runs implements TestTemplateInvocationContextProvider {

		@Override
		public boolean supportsTestTemplate(ExtensionContext context) {
			return context.getRequiredTestMethod().isAnnotationPresent(EachDatabase.class);
		}

		@Override
		public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
			DatabaseKind[] named = context.getRequiredTestMethod().getAnnotation(EachDatabase.class).value();
			DatabaseKind[] kinds = (named.length > 0) ? named : DatabaseKind.values();
			return Arrays.stream(kinds).map(Run::new);
		}

	}

	/** One run: opens the database before the test, closes it after. */
	record Run(DatabaseKind kind)
			implements
				TestTemplateInvocationContext,
				BeforeEachCallback,
				AfterEachCallback,
				ParameterResolver {

		private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Run.class);

		@Override
		public String getDisplayName(int invocationIndex) {
			return "[" + invocationIndex + "] " + this.kind;
		}

		@Override
		public List<Extension> getAdditionalExtensions() {
			return List.of(this);
		}

		@Override
		public void beforeEach(ExtensionContext context) {
			context.getStore(NAMESPACE).put(TestDatabase.class, TestDatabase.create(this.kind));
		}

		@Override
		public void afterEach(ExtensionContext context) throws SQLException {
			Connection connection = context.getStore(NAMESPACE).remove(Connection.class, Connection.class);
			if (connection != null) {
				connection.close();
			}
			TestDatabase db = context.getStore(NAMESPACE).remove(TestDatabase.class, TestDatabase.class);
			if (db != null) {
				db.close();
			}
		}

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			Class<?> type = parameter.getParameter().getType();
			return type == TestDatabase.class || type == DatabaseKind.class || type == Connection.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			Class<?> type = parameter.getParameter().getType();
			if (type == DatabaseKind.class) {
				return this.kind;
			}
			ExtensionContext.Store store = context.getStore(NAMESPACE);
			TestDatabase db = store.get(TestDatabase.class, TestDatabase.class);
			if (type == Connection.class) {
				return store.getOrComputeIfAbsent(Connection.class, (key) -> connect(db), Connection.class);
			}
			return db;
		}

		private static Connection connect(TestDatabase db) {
			try {
				return db.connect();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot connect to " + db + ": " + ex.getMessage(), ex);
			}
		}

	}

}
