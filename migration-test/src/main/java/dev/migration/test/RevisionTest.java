package dev.migration.test;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

import dev.migration.MigrationException;
import dev.migration.Revision;
import dev.migration.command.Migrator;

/**
 * One run of an {@link AfterRevision @AfterRevision} method: the database moved to the
 * revision's parents, the {@link BeforeRevision @BeforeRevision} methods, the revision,
 * the method, and the version table put back.
 */
final class RevisionTest implements TestTemplateInvocationContext, BeforeTestExecutionCallback,
		AfterTestExecutionCallback, ParameterResolver, InvocationInterceptor {

	private final String target;

	private final MigrationTestExtension extension;

	private MigrationTester tester;

	private Arguments arguments;

	private Revision revision;

	RevisionTest(String target, MigrationTestExtension extension) {
		this.target = target;
		this.extension = extension;
	}

	@Override
	public String getDisplayName(int invocationIndex) {
		return "after revision " + this.target;
	}

	@Override
	public List<Extension> getAdditionalExtensions() {
		return List.of(this);
	}

	@Override
	public void beforeTestExecution(ExtensionContext context) {
		MigrationChecks checks = this.extension.checks(context);
		Migrator migrator = checks.migrator();
		Revision revision = migrator.graph().get(id(migrator, this.target, context.getRequiredTestMethod()));
		this.revision = revision;
		this.tester = checks.tester();
		this.arguments = new Arguments(migrator.config().dataSource());
		if (revision.revises().isEmpty()) {
			this.tester.downgradeTo("base");
		}
		for (String parent : revision.revises()) {
			this.tester.upgradeTo(parent);
		}
		Arguments before = new Arguments(migrator.config().dataSource());
		try {
			MigrationTestExtension.runBefore(context.getRequiredTestInstance(), revision.id(), migrator, before);
		}
		finally {
			before.close();
		}
		this.tester.upgradeTo(revision.id());
	}

	/** The method's own failure, told with the revision it ran after. */
	@Override
	public void interceptTestTemplateMethod(Invocation<Void> invocation,
			ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
		try {
			invocation.proceed();
		}
		catch (Exception | AssertionError ex) {
			throw new MigrationCheckFailure("data migration", this.revision.id(), "upgrade",
					"Data check after the upgrade to " + Revisions.describe(this.revision) + " failed: "
							+ ex.getMessage(),
					List.of(), ex);
		}
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		try {
			if (this.arguments != null) {
				this.arguments.close();
			}
		}
		finally {
			if (this.tester != null) {
				this.tester.close();
			}
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return Arguments.SUPPORTED.contains(parameter.getParameter().getType().getName());
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return this.arguments.resolve(parameter.getParameter().getType());
	}

	/** The full id an annotation names, or a failure naming the method. */
	static String id(Migrator migrator, String target, Method method) {
		try {
			List<String> ids = migrator.graph().resolve(target, List.of());
			if (ids.size() == 1) {
				return ids.get(0);
			}
			throw new MigrationException("'" + target + "' names " + ids.size() + " revisions " + ids);
		}
		catch (MigrationException ex) {
			throw new MigrationCheckFailure("data migration", null, null, "The revision of " + method.getName()
					+ " cannot be found: " + ex.getMessage() + ". Name one revision by its id or a unique prefix",
					List.of(), ex);
		}
	}

	/** What a revision test method may take; connections are closed afterwards. */
	static final class Arguments implements AutoCloseable {

		static final List<String> SUPPORTED = List.of(SpringJdbc.CLIENT, Connection.class.getName(),
				DataSource.class.getName());

		private final DataSource dataSource;

		private final List<Connection> connections = new ArrayList<>();

		Arguments(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		boolean supports(Class<?> type) {
			return SUPPORTED.contains(type.getName());
		}

		Object resolve(Class<?> type) {
			if (type == DataSource.class) {
				return this.dataSource;
			}
			if (type == Connection.class) {
				try {
					Connection connection = this.dataSource.getConnection();
					this.connections.add(connection);
					return connection;
				}
				catch (SQLException ex) {
					throw new IllegalStateException("Cannot connect: " + ex.getMessage(), ex);
				}
			}
			return SpringJdbc.client(this.dataSource);
		}

		@Override
		public void close() {
			for (Connection connection : this.connections) {
				try {
					connection.close();
				}
				catch (SQLException ex) {
					// the test is over; a connection that will not close is the pool's
					// business
				}
			}
			this.connections.clear();
		}

	}

}
