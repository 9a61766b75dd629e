package dev.migration.sql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialect of a live connection: read off the driver's connection class, and the same
 * from the metadata when a wrapper hides the driver.
 */
class DialectDetectionTests {

	@EachDatabase
	void detectsTheDialectTheMetadataNames(DatabaseKind kind, Connection connection) throws Exception {
		assertThat(Dialect.detect(connection)).isEqualTo(kind.dialect());
		assertThat(Dialect.detect(hidingTheDriver(connection))).isEqualTo(kind.dialect());
	}

	/**
	 * A connection that forwards every call to the driver's but does not unwrap to it, as
	 * some pools and proxies do.
	 */
	private static Connection hidingTheDriver(Connection connection) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("unwrap")) {
						return proxy;
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
