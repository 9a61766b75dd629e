package dev.migration.autogenerate;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migration.op.CreateTable;
import dev.migration.op.DropTable;
import dev.migration.op.Operation;
import dev.migration.op.Operations;
import dev.migration.op.TableDefinition;
import dev.migration.sql.Dialect;

/**
 * The statements of an SQL revision, through the operations' own renderer. On SQLite the
 * changes to one table go into one batch, rebuilt from the table as the model knows it
 * (the live schema for the upgrade, the desired one for the downgrade).
 */
final class SqlRevisionRenderer {

	private SqlRevisionRenderer() {
	}

	/** One block per change: its comment (or null) and its statements. */
	record Block(@Nullable String comment, List<String> statements) {

	}

	static List<Block> render(List<Operation> operations, List<@Nullable String> comments, SchemaModel before,
			Dialect dialect) {
		List<Block> blocks = new ArrayList<>();
		int i = 0;
		while (i < operations.size()) {
			Operation operation = operations.get(i);
			OfflineContext context = new OfflineContext(dialect);
			Operations op = context.op();
			String comment = comments.get(i);
			if (dialect != Dialect.SQLITE || operation instanceof CreateTable || operation instanceof DropTable
					|| operation.table().isEmpty()) {
				op.run(operation);
				i++;
			}
			else {
				int end = i;
				while (end < operations.size() && sameTable(operations.get(end), operation)) {
					if (end > i && comments.get(end) != null) {
						comment = (comment != null) ? comment + "; " + comments.get(end) : comments.get(end);
					}
					end++;
				}
				List<Operation> batch = operations.subList(i, end);
				TableDefinition table = before.table(operation.table())
					.orElse(new TableDefinition(
							CreateTable.of(operation.table(),
									dev.migration.op.Column.of("?", dev.migration.op.ColumnType.integer())),
							List.of()));
				op.batchAlterTable(table, (each) -> batch.forEach(each::add));
				i = end;
			}
			blocks.add(new Block(comment, context.statements()));
		}
		return blocks;
	}

	private static boolean sameTable(Operation operation, Operation first) {
		return !(operation instanceof CreateTable) && !(operation instanceof DropTable)
				&& operation.table().equalsIgnoreCase(first.table());
	}

}
