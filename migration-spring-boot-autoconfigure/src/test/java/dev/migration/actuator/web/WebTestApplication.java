package dev.migration.actuator.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.migration.Migration;
import dev.migration.MigrationContext;
import dev.migration.RevisionInfo;

/**
 * A small web application using the starter: the SQL scripts under {@code db/migration}
 * plus one Java migration declared as a bean that injects another bean.
 */
@SpringBootApplication
public class WebTestApplication {

	@Bean
	Greeter greeter() {
		return new Greeter("Grace");
	}

	@Bean
	RenameMigration renameMigration(Greeter greeter) {
		return new RenameMigration(greeter);
	}

	public static void main(String[] args) {
		SpringApplication.run(WebTestApplication.class, args);
	}

	record Greeter(String name) {
	}

	@RevisionInfo(id = "e5e5e5e5e5e5", revises = "c3c3c3c3c3c3", message = "Rename the first person")
	static class RenameMigration implements Migration {

		private final Greeter greeter;

		RenameMigration(Greeter greeter) {
			this.greeter = greeter;
		}

		@Override
		public void upgrade(MigrationContext context) {
			context.execute("UPDATE person SET name = '" + this.greeter.name() + "' WHERE id = 1");
		}

		@Override
		public void downgrade(MigrationContext context) {
			context.execute("UPDATE person SET name = 'Ada' WHERE id = 1");
		}

	}

}
