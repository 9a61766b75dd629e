package dev.migration.sql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialect of a live connection: read off the driver's connection class without its
 * metadata (whose classes an application's first connection need not load), and the same
 * from the metadata when a wrapper hides the driver.
 */
class DialectDetectionTests {

	@EachDatabase
	void readsASupportedDriversDialectWithoutItsMetadata(DatabaseKind kind, Connection connection) {
		assertThat(Dialect.detect(forwarding(connection, "getMetaData"))).isEqualTo(kind.dialect());
	}

	@EachDatabase
	void readsTheMetadataBehindAWrapperThatHidesTheDriver(DatabaseKind kind, Connection connection) {
		assertThat(Dialect.detect(forwarding(connection, "unwrap"))).isEqualTo(kind.dialect());
	}

	/**
	 * The driver's connection behind a wrapper that forwards every call but one, which
	 * fails as a wrapper that does not unwrap (or a driver without metadata) would.
	 */
	private static Connection forwarding(Connection connection, String refused) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals(refused)) {
						throw new SQLException(refused + " is not supported by this wrapper");
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
