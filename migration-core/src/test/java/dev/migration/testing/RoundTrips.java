package dev.migration.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import javax.sql.DataSource;

/**
 * Round trips to a real database, counted at the JDBC level around the real driver (not a
 * mock): what a test asserts when it says how many a command costs.
 */
public final class RoundTrips {

	private RoundTrips() {
	}

	/**
	 * A data source whose connections log every round trip: "execute: SQL", "batch of N:
	 * first SQL", "commit", "rollback", "setClientInfo" (pgjdbc sends a {@code SET}),
	 * "metadata: method".
	 */
	public static DataSource counting(DataSource target, List<String> trips) {
		return counting(target, trips, new ArrayList<>());
	}

	/**
	 * As {@link #counting(DataSource, List)}, also keeping every batch whole.
	 * @param target the real data source
	 * @param trips the round trips, as above
	 * @param batches each batch's statements, in the order sent
	 * @return the counting data source
	 */
	public static DataSource counting(DataSource target, List<String> trips, List<List<String>> batches) {
		return (DataSource) Proxy.newProxyInstance(RoundTrips.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = invoke(target, method, args);
					return (result instanceof Connection connection)
							? wrap(Connection.class, connection, trips, batches) : result;
				});
	}

	private static Object wrap(Class<?> type, Object target, List<String> trips, List<List<String>> batches) {
		List<String> batch = new ArrayList<>();
		InvocationHandler handler = (proxy, method, args) -> {
			String name = method.getName();
			if (target instanceof Statement) {
				if (name.equals("addBatch") && args != null && args.length == 1) {
					batch.add((String) args[0]);
				}
				else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
					trips.add("batch of " + batch.size() + ": " + (batch.isEmpty() ? "" : batch.get(0)));
					batches.add(List.copyOf(batch));
					batch.clear();
				}
				else if (name.startsWith("execute")) {
					trips.add("execute: " + ((args != null && args.length > 0) ? args[0] : "prepared"));
				}
			}
			if (target instanceof Connection
					&& (name.equals("commit") || name.equals("rollback") || name.equals("setClientInfo"))) {
				trips.add(name);
			}
			Object result = invoke(target, method, args);
			if (target instanceof DatabaseMetaData && result instanceof ResultSet) {
				trips.add("metadata: " + name);
			}
			return wrapStatements(result, (kind, each) -> wrap(kind, each, trips, batches));
		};
		return Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	/**
	 * What a JDBC call returned, wrapped when it is a statement or metadata (so that the
	 * calls on it are seen too), else as it is.
	 * @param result the call's result
	 * @param wrap wraps an object as the given interface
	 * @return the result, wrapped or not
	 */
	public static Object wrapStatements(Object result, BiFunction<Class<?>, Object, Object> wrap) {
		if (result instanceof PreparedStatement) {
			return wrap.apply(PreparedStatement.class, result);
		}
		if (result instanceof Statement) {
			return wrap.apply(Statement.class, result);
		}
		if (result instanceof DatabaseMetaData) {
			return wrap.apply(DatabaseMetaData.class, result);
		}
		return result;
	}

	private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
