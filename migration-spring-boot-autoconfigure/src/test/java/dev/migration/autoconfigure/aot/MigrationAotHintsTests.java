package dev.migration.autoconfigure.aot;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

import dev.migration.Migration;
import dev.migration.MigrationContext;
import dev.migration.RevisionInfo;
import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.autoconfigure.aot.scanned.NotARevision;
import dev.migration.autoconfigure.aot.scanned.ScannedJavaRevision;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints the build's AOT step records for a native image: what
 * {@code spring-boot-maven-plugin:process-aot} gets when it processes an application with
 * the starter.
 */
class MigrationAotHintsTests {

	private static final String SCANNED = "classpath:dev/migration/autoconfigure/aot/scanned";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:aot_hints");

	@Test
	void scriptsBelowTheDefaultLocationAreResources() {
		this.runner.prepare((context) -> {
			RuntimeHints hints = aotHints(context);
			assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/a1a1a1a1a1a1_create_person.sql"))
				.accepts(hints);
			assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/sub/folder/x.sql")).accepts(hints);
			assertThat(RuntimeHintsPredicates.resource().forResource("db/other/a1a1a1a1a1a1_create_person.sql"))
				.rejects(hints);
		});
	}

	@Test
	void configuredLocationsAreReadFromTheEnvironment() {
		this.runner
			.withPropertyValues(
					"migration.locations=" + SCANNED + ",classpath:/db/vendored/{vendor}/,filesystem:/srv/x")
			.prepare((context) -> {
				RuntimeHints hints = aotHints(context);
				assertThat(RuntimeHintsPredicates.resource()
					.forResource("dev/migration/autoconfigure/aot/scanned/a0a0a0a0a0a0_root.sql")).accepts(hints);
				assertThat(RuntimeHintsPredicates.resource()
					.forResource("dev/migration/autoconfigure/aot/scanned/more/e5e5e5e5e5e5_nested.sql"))
					.accepts(hints);
				assertThat(RuntimeHintsPredicates.resource().forResource("db/vendored/postgresql/1_x.sql"))
					.accepts(hints);
				assertThat(RuntimeHintsPredicates.resource().forResource("db/vendored/h2/1_x.sql")).accepts(hints);
				assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/a1a1a1a1a1a1_create_person.sql"))
					.as("the default location is replaced, not added to")
					.rejects(hints);
			});
	}

	@Test
	void javaMigrationsFoundAtALocationAreReflectiveAndTheirClassFilesAreResources() {
		this.runner.withPropertyValues("migration.locations=" + SCANNED).prepare((context) -> {
			RuntimeHints hints = aotHints(context);
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(ScannedJavaRevision.class)
				.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
			assertThat(RuntimeHintsPredicates.resource()
				.forResource("dev/migration/autoconfigure/aot/scanned/ScannedJavaRevision.class")).accepts(hints);
			assertThat(RuntimeHintsPredicates.reflection().onType(NotARevision.class)).rejects(hints);
		});
	}

	@Test
	void javaMigrationBeansHaveTheirClassFilesAsResources() {
		this.runner.withUserConfiguration(BeanMigrationConfiguration.class).prepare((context) -> {
			RuntimeHints hints = aotHints(context);
			assertThat(RuntimeHintsPredicates.resource()
				.forResource("dev/migration/autoconfigure/aot/MigrationAotHintsTests$BeanRevision.class"))
				.as("the checksum of a Java revision is that of its class file")
				.accepts(hints);
			assertThat(RuntimeHintsPredicates.reflection().onType(BeanRevision.class)).accepts(hints);
		});
	}

	@Test
	void noHintsWhenMigrationIsDisabled() {
		this.runner.withPropertyValues("migration.enabled=false").prepare((context) -> {
			RuntimeHints hints = aotHints(context);
			assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/a1a1a1a1a1a1_create_person.sql"))
				.rejects(hints);
		});
	}

	static RuntimeHints aotHints(AssertableApplicationContext context) {
		GenericApplicationContext source = context.getSourceApplicationContext(GenericApplicationContext.class);
		DefaultGenerationContext generation = generationContext();
		new ApplicationContextAotGenerator().processAheadOfTime(source, generation);
		return generation.getRuntimeHints();
	}

	private static DefaultGenerationContext generationContext() {
		return new DefaultGenerationContext(new ClassNameGenerator(ClassName.get(MigrationAotHintsTests.class)),
				new InMemoryGeneratedFiles());
	}

	@Configuration(proxyBeanMethods = false)
	static class BeanMigrationConfiguration {

		@Bean
		BeanRevision beanRevision() {
			return new BeanRevision();
		}

	}

	@RevisionInfo(id = "f6f6f6f6f6f6", revises = "c3c3c3c3c3c3", message = "A Java revision that is a bean")
	static class BeanRevision implements Migration {

		@Override
		public void upgrade(MigrationContext context) {
		}

	}

}
