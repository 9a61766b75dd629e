package dev.migration.autogenerate;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.migration.op.Operation;

/**
 * One difference between the desired and the live schema, as the operation that removes
 * it and the operations that restore the live state.
 *
 * @param upgrade the operation for the upgrade
 * @param downgrade the operations for the downgrade, in order; empty when the upgrade
 * cannot be reversed
 * @param comment a note for the reviewer (a possible rename, a change that may lose
 * data), or {@code null}
 */
public record Change(Operation upgrade, List<Operation> downgrade, @Nullable String comment) {

	public Change {
		Objects.requireNonNull(upgrade, "upgrade");
		downgrade = List.copyOf(downgrade);
	}

	static Change reversible(Operation upgrade, @Nullable String comment) {
		return new Change(upgrade, upgrade.reverse().map(List::of).orElse(List.of()), comment);
	}

}
