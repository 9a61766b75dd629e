package dev.migration.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version table simulated in memory: applies each step's row changes and checks, as
 * Alembic's HeadMaintainer does, that every removed row exists and no added row does.
 */
final class VersionTable {

	private final TreeSet<String> rows = new TreeSet<>();

	private final List<String> statements = new ArrayList<>();

	VersionTable(String... rows) {
		this.rows.addAll(List.of(rows));
	}

	VersionTable apply(MigrationPlan plan) {
		assertThat(new TreeSet<>(plan.fromHeads())).isSubsetOf(this.rows);
		for (MigrationStep step : plan.steps()) {
			apply(step);
		}
		assertThat(this.rows).containsExactlyInAnyOrderElementsOf(plan.toHeads());
		return this;
	}

	/**
	 * Checks that the plan runs exactly these revisions in this order, then applies it.
	 * @return the plan
	 */
	MigrationPlan applyInOrder(MigrationPlan plan, String... ids) {
		assertThat(ids(plan)).containsExactly(ids);
		apply(plan);
		return plan;
	}

	/**
	 * Stamps the target (without purging) and drains the statements that wrote.
	 * @return the statements
	 */
	List<String> stamp(RevisionGraph graph, String target) {
		apply(graph.planStamp(current(), List.of(target), false));
		return drain();
	}

	void apply(MigrationStep step) {
		String id = step.revision().id();
		for (String removed : step.removeHeads()) {
			assertThat(this.rows).as("%s removes %s", id, removed).contains(removed);
		}
		List<String> remove = step.removeHeads();
		List<String> add = step.addHeads();
		boolean update = !remove.isEmpty() && !add.isEmpty();
		for (int i = 0; i < remove.size() - (update ? 1 : 0); i++) {
			this.statements.add("DELETE " + remove.get(i));
			this.rows.remove(remove.get(i));
		}
		for (int i = 0; i < add.size() - (update ? 1 : 0); i++) {
			assertThat(this.rows).as("%s adds %s", id, add.get(i)).doesNotContain(add.get(i));
			this.statements.add("INSERT " + add.get(i));
			this.rows.add(add.get(i));
		}
		if (update) {
			String from = remove.get(remove.size() - 1);
			String to = add.get(add.size() - 1);
			assertThat(this.rows).as("%s adds %s", id, to).doesNotContain(to);
			this.statements.add("UPDATE " + from + " -> " + to);
			this.rows.remove(from);
			this.rows.add(to);
		}
	}

	List<String> rows() {
		return List.copyOf(this.rows);
	}

	Collection<String> current() {
		return rows();
	}

	/** The SQL-like statements run so far, then forgets them. */
	List<String> drain() {
		List<String> result = List.copyOf(this.statements);
		this.statements.clear();
		return result;
	}

	static List<String> ids(MigrationPlan plan) {
		return plan.steps().stream().map((s) -> s.revision().id()).toList();
	}

}
