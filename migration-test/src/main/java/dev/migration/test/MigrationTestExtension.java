package dev.migration.test;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.migration.MigrationConfig;
import dev.migration.command.Migrator;

/**
 * The JUnit side of {@link MigrationTest @MigrationTest}: finds the test's database,
 * resolves {@link MigrationChecks} and {@link MigrationTester} parameters, and runs each
 * {@link AfterRevision @AfterRevision} method as a data-migration test.
 */
final class MigrationTestExtension implements ParameterResolver, TestTemplateInvocationContextProvider {

	private static final String SPRING_EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";

	private static final List<Class<?>> CONFIGURED = List.of(MigrationChecks.class, Migrator.class,
			MigrationConfig.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == MigrationChecks.class || type == MigrationTester.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		MigrationChecks checks = checks(context);
		if (parameter.getParameter().getType() == MigrationChecks.class) {
			return checks;
		}
		MigrationTester tester = checks.tester();
		context.getStore(ExtensionContext.Namespace.create(MigrationTestExtension.class, parameter.getIndex()))
			.put("tester", tester);
		return tester;
	}

	@Override
	public boolean supportsTestTemplate(ExtensionContext context) {
		return context.getTestMethod().map((method) -> method.isAnnotationPresent(AfterRevision.class)).orElse(false);
	}

	@Override
	public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
		AfterRevision after = context.getRequiredTestMethod().getAnnotation(AfterRevision.class);
		return Stream.of(new RevisionTest(after.value(), this));
	}

	/**
	 * The checks on the test's database, as {@link MigrationTest} documents the order.
	 */
	MigrationChecks checks(ExtensionContext context) {
		Class<?> testClass = context.getRequiredTestClass();
		Optional<MigrationTest> annotation = AnnotationSupport.findAnnotation(testClass, MigrationTest.class);
		Object instance = context.getTestInstance().orElse(null);
		MigrationChecks checks = fromFields(testClass, instance, CONFIGURED);
		if (checks == null && usesSpring(testClass)) {
			// the starter's Migrator knows the Spring-bean migrations a DataSource does
			// not
			checks = SpringContext.checks(context);
		}
		if (checks == null) {
			checks = fromFields(testClass, instance, List.of(DataSource.class));
		}
		if (checks == null && annotation.isPresent() && !annotation.get().url().isEmpty()) {
			MigrationTest test = annotation.get();
			checks = MigrationChecks.forUrl(test.url(), test.user(), test.password());
		}
		if (checks == null) {
			throw new MigrationCheckFailure("setup", null, null, testClass.getName()
					+ " has no database for its migration tests: give it a field of type DataSource, Migrator, "
					+ "MigrationConfig or MigrationChecks, run it as a @SpringBootTest or @DataJpaTest with the "
					+ "migration starter, or set @MigrationTest(url = ...)", List.of(), null);
		}
		if (annotation.isPresent()) {
			MigrationTest test = annotation.get();
			if (test.locations().length > 0) {
				checks = checks.locations(test.locations());
			}
			if (test.heads().length > 0) {
				checks = checks.heads(test.heads());
			}
			if (!test.desiredSchema().isEmpty()) {
				checks = checks.desiredSchema(test.desiredSchema());
			}
			if (test.entityPackages().length > 0) {
				checks = checks.entitiesIn(test.entityPackages());
			}
		}
		return checks;
	}

	private static @Nullable MigrationChecks fromFields(Class<?> testClass, @Nullable Object instance,
			List<Class<?>> sources) {
		for (Class<?> source : sources) {
			for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
				for (Field field : type.getDeclaredFields()) {
					if (field.getType() != source || (instance == null && !Modifier.isStatic(field.getModifiers()))) {
						continue;
					}
					Object value = read(field, instance);
					if (value instanceof MigrationChecks checks) {
						return checks;
					}
					if (value instanceof Migrator migrator) {
						return MigrationChecks.forMigrator(migrator);
					}
					if (value instanceof MigrationConfig config) {
						return MigrationChecks.forConfig(config);
					}
					if (value instanceof DataSource dataSource) {
						return MigrationChecks.forDataSource(dataSource);
					}
				}
			}
		}
		return null;
	}

	private static @Nullable Object read(Field field, @Nullable Object instance) {
		try {
			field.setAccessible(true);
			return field.get(Modifier.isStatic(field.getModifiers()) ? null : instance);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			return null;
		}
	}

	private static boolean usesSpring(Class<?> testClass) {
		return Requirements.present(SPRING_EXTENSION)
				&& AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class)
					.stream()
					.flatMap((extendWith) -> Stream.of(extendWith.value()))
					.anyMatch((extension) -> extension.getName().equals(SPRING_EXTENSION));
	}

	/** Calls the {@code @BeforeRevision} methods of a revision. */
	static void runBefore(Object instance, String revision, Migrator migrator, RevisionTest.Arguments arguments) {
		for (Class<?> type = instance.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
			for (Method method : type.getDeclaredMethods()) {
				BeforeRevision before = method.getAnnotation(BeforeRevision.class);
				if (before == null || !RevisionTest.id(migrator, before.value(), method).equals(revision)) {
					continue;
				}
				Object[] values = new Object[method.getParameterCount()];
				Parameter[] parameters = method.getParameters();
				for (int i = 0; i < parameters.length; i++) {
					if (!arguments.supports(parameters[i].getType())) {
						throw new ParameterResolutionException("@BeforeRevision method " + method.getName()
								+ " takes a " + parameters[i].getType().getName()
								+ "; it may take a JdbcClient, a Connection or a DataSource");
					}
					values[i] = arguments.resolve(parameters[i].getType());
				}
				try {
					method.setAccessible(true);
					method.invoke(instance, values);
				}
				catch (InvocationTargetException ex) {
					Throwable cause = ex.getCause();
					throw new MigrationCheckFailure("data migration", revision, "upgrade",
							"@BeforeRevision(\"" + before.value() + "\") " + method.getName() + " failed with the "
									+ "database at " + migrator.current() + ": " + cause.getMessage(),
							List.of(), cause);
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
	}

}
