package dev.migration.autoconfigure;

import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;

/**
 * {@code migration.exit-after-migrate=true}: once the context has started (the startup
 * migration succeeded, or startup would have failed with its failure analysis), close the
 * context and exit with its exit code (0) before any {@code ApplicationRunner} or
 * {@code CommandLineRunner} runs. For Kubernetes Jobs and init containers.
 */
public final class MigrateOnlyExit implements ApplicationListener<ApplicationStartedEvent> {

	private static final Logger log = LoggerFactory.getLogger(MigrateOnlyExit.class);

	private final ApplicationContext context;

	private final IntConsumer exit;

	/**
	 * Create a listener.
	 * @param context the context to close
	 * @param exit ends the process with an exit code ({@code System::exit})
	 */
	public MigrateOnlyExit(ApplicationContext context, IntConsumer exit) {
		this.context = context;
		this.exit = exit;
	}

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		if (event.getApplicationContext() != this.context) {
			return;
		}
		log.info("Migration finished and migration.exit-after-migrate is true: closing the application");
		int code = SpringApplication.exit(this.context);
		this.exit.accept(code);
	}

}
