package dev.migration.reliability;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.migration.MigrationConfig;
import dev.migration.command.Migrator;
import dev.migration.sql.DriverDataSource;

/**
 * An upgrade in its own JVM that stops at a chosen moment and waits there for its
 * SIGKILL: args url, user, password, location, kill point. The moments are counted over
 * the run: before and after each script statement, and before each version-table write
 * (all statements done, the bookkeeping not yet committed). At the kill point it prints
 * {@value #AT_KILL_POINT} and sleeps; a kill point of 0 runs to the end. Exit code 0
 * after a complete upgrade, 1 with the error's message otherwise.
 */
public final class KillPointRun {

	static final String AT_KILL_POINT = "AT KILL POINT";

	private final AtomicInteger moments = new AtomicInteger();

	private final int killPoint;

	private KillPointRun(int killPoint) {
		this.killPoint = killPoint;
	}

	public static void main(String[] args) {
		KillPointRun run = new KillPointRun(Integer.parseInt(args[4]));
		DataSource dataSource = run.wrap(new DriverDataSource(args[0], args[1], args[2]));
		try {
			new Migrator(MigrationConfig.builder()
				.dataSource(dataSource)
				.locations(args[3])
				.lockTimeout(Duration.ofSeconds(10))
				.build()).upgrade("heads");
		}
		catch (RuntimeException ex) {
			System.out.println(ex.getMessage());
			System.exit(1);
		}
		System.exit(0);
	}

	private void moment() {
		if (this.moments.incrementAndGet() == this.killPoint) {
			PrintStream out = System.out;
			out.println(AT_KILL_POINT);
			out.flush();
			try {
				Thread.sleep(Long.MAX_VALUE);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private DataSource wrap(DataSource dataSource) {
		return proxy(DataSource.class, dataSource, (method, args, result) -> (method.getName().equals("getConnection"))
				? proxy(Connection.class, result, this::connectionCall, null) : result, null);
	}

	private Object connectionCall(Method method, Object[] args, Object result) {
		if (method.getName().equals("createStatement")) {
			return proxy(Statement.class, result, (m, a, r) -> r, (m, a) -> {
				if (m.getName().equals("execute") && a.length == 1 && isScript((String) a[0])) {
					moment();
					return true;
				}
				return false;
			});
		}
		if (method.getName().equals("prepareStatement") && args[0] instanceof String sql && isVersionWrite(sql)) {
			return proxy(PreparedStatement.class, result, (m, a, r) -> r, (m, a) -> {
				if (m.getName().equals("executeUpdate")) {
					moment();
				}
				return false;
			});
		}
		return result;
	}

	private static boolean isScript(String sql) {
		return !sql.contains("migration_");
	}

	private static boolean isVersionWrite(String sql) {
		return sql.contains("migration_version") && !sql.startsWith("SELECT") && !sql.startsWith("CREATE");
	}

	/** What to do with a call's result. */
	@FunctionalInterface
	private interface After {

		Object apply(Method method, Object[] args, Object result) throws Exception;

	}

	/** What to do before a call; answers whether a moment follows the call as well. */
	@FunctionalInterface
	private interface Before {

		boolean apply(Method method, Object[] args) throws Exception;

	}

	@SuppressWarnings("unchecked")
	private <T> T proxy(Class<T> type, Object target, After after, Before before) {
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (self, method, args) -> {
			Object[] arguments = (args != null) ? args : new Object[0];
			boolean momentAfter = (before != null) && before.apply(method, arguments);
			Object result;
			try {
				result = method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			if (momentAfter) {
				moment();
			}
			return after.apply(method, arguments, result);
		});
	}

}
