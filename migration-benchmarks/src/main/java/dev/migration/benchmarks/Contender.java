package dev.migration.benchmarks;

/**
 * One tool under measurement. Every method starts from nothing (a fresh tool instance, as
 * an application start or a CLI call pays) and returns a short fact that proves it did
 * the work (checked by the harness, never timed).
 */
interface Contender {

	String name();

	/**
	 * Apply every revision to an empty database.
	 * @param db the database
	 * @param scripts the scripts
	 * @return the number of revisions applied
	 * @throws Exception on any failure
	 */
	int apply(BenchDatabase db, ScriptSet scripts) throws Exception;

	/**
	 * A run with nothing to do: load the scripts, checksum them, read the database's
	 * state and run nothing.
	 * @param db the database, fully applied
	 * @param scripts the scripts
	 * @return the number of revisions applied (must be 0)
	 * @throws Exception on any failure
	 */
	int upToDate(BenchDatabase db, ScriptSet scripts) throws Exception;

	/**
	 * Validate the checksums of the applied revisions against the scripts.
	 * @param db the database, fully applied
	 * @param scripts the scripts
	 * @return the number of problems found (must be 0)
	 * @throws Exception on any failure
	 */
	int validate(BenchDatabase db, ScriptSet scripts) throws Exception;

	/**
	 * Load the scripts and resolve what would run (the tool's closest equivalent to our
	 * graph load and plan).
	 * @param db the database, fully applied (ours and the floor do not use it)
	 * @param scripts the scripts
	 * @return the number of revisions known
	 * @throws Exception on any failure
	 */
	int graph(BenchDatabase db, ScriptSet scripts) throws Exception;

}
