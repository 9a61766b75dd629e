package dev.migration;

import java.util.List;

/**
 * The revisions form a cycle through their {@code revises} or {@code depends-on} headers
 * (a self-loop is a cycle of one).
 */
public class RevisionCycleException extends RevisionGraphException {

	private final List<String> cycle;

	/**
	 * @param message the message
	 * @param cycle the revision ids in cycle order: each one revises (or depends on) the
	 * next, and the last one the first
	 * @param locations the files of {@code cycle}, in the same order
	 */
	public RevisionCycleException(String message, List<String> cycle, List<String> locations) {
		super(message, cycle, locations);
		this.cycle = List.copyOf(cycle);
	}

	/**
	 * The revision ids in cycle order: each revises (or depends on) the next, the last
	 * one the first.
	 */
	public List<String> getCycle() {
		return this.cycle;
	}

}
