package dev.migration.cli;

public final class MigrationCli {

	public static void main(String[] args) {
	}

}
