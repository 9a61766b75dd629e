package dev.migration.tenant;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A DataSource over another one whose connections do something of their own when they are
 * closed (give back a permit, restore the schema); everything else goes to the target.
 */
abstract class WrappingDataSource implements DataSource {

	protected final DataSource target;

	WrappingDataSource(DataSource target) {
		this.target = target;
	}

	/** What closing a connection does instead of only closing it. */
	@FunctionalInterface
	interface CloseAction {

		void close(Connection connection) throws SQLException;

	}

	/**
	 * The connection, with {@code close()} running the action once (later calls do
	 * nothing) and {@code unwrap(Connection.class)} returning the wrapper.
	 */
	static Connection closingWith(Connection connection, CloseAction action) {
		boolean[] closed = new boolean[1];
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("close") && method.getParameterCount() == 0) {
						synchronized (closed) {
							if (closed[0]) {
								return null;
							}
							closed[0] = true;
						}
						action.close(connection);
						return null;
					}
					if (method.getName().equals("unwrap") && args != null && args[0] == Connection.class) {
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

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.target.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.target.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.target.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.target.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.target.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return this.target.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return this.target.isWrapperFor(iface);
	}

	@Override
	public String toString() {
		return this.target.toString();
	}

}
