package dev.migration.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

/**
 * The kind of fresh database a test class runs the sample app on: created with the test's
 * application context, its URL and login set as {@code spring.datasource.*}, available as
 * a {@link TestDatabase} bean, and dropped when the context closes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(SampleDatabase.Factory.class)
@ExtendWith(SampleDatabase.Availability.class)
@interface SampleDatabase {

	DatabaseKind value();

	/**
	 * Skips the test class, as {@link TestDatabase#create} does, when the server is not
	 * there: before the context would fail to load.
	 */
	class Availability implements BeforeAllCallback {

		@Override
		public void beforeAll(ExtensionContext context) {
			SampleDatabase database = TestContextAnnotationUtils.findMergedAnnotation(context.getRequiredTestClass(),
					SampleDatabase.class);
			if (database != null) {
				TestDatabase.create(database.value()).close();
			}
		}

	}

	/** Reads the annotation of the test class. */
	class Factory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			SampleDatabase database = TestContextAnnotationUtils.findMergedAnnotation(testClass, SampleDatabase.class);
			return (database != null) ? new Customizer(database.value()) : null;
		}

	}

	/** One per kind, so that each kind gets a context of its own. */
	record Customizer(DatabaseKind kind) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			TestDatabase database = TestDatabase.create(this.kind);
			context.getBeanFactory().registerSingleton("testDatabase", database);
			TestPropertyValues
				.of("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.user(),
						"spring.datasource.password=" + database.password())
				.applyTo(context);
			context.addApplicationListener((event) -> {
				if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
					database.close();
				}
			});
		}

	}

}
