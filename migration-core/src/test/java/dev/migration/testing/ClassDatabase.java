package dev.migration.testing;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One database for all the tests of a class, made before the first and dropped after the
 * last: register it in a static field with {@code @RegisterExtension}. A server that is
 * not there skips the class as {@link TestDatabase#create} says.
 */
public final class ClassDatabase implements BeforeAllCallback, AfterAllCallback {

	private final Supplier<TestDatabase> create;

	private @Nullable TestDatabase database;

	/**
	 * @param create makes the database, e.g.
	 * {@code TestDatabase::createPostgresqlDatabase}
	 */
	public ClassDatabase(Supplier<TestDatabase> create) {
		this.create = create;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.database = this.create.get();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.database != null) {
			this.database.close();
			this.database = null;
		}
	}

	/** The class's database, while its tests run. */
	public TestDatabase get() {
		if (this.database == null) {
			throw new IllegalStateException("the class's database exists only while its tests run");
		}
		return this.database;
	}

}
