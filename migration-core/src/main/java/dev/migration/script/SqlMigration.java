package dev.migration.script;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.migration.DowngradeNotSupportedException;
import dev.migration.HistoryEntry;
import dev.migration.Migration;
import dev.migration.MigrationContext;
import dev.migration.ScriptParseException;
import dev.migration.sql.Dialect;

/**
 * A migration read from a {@code .sql} file: the text of its {@code -- +upgrade} and
 * optional {@code -- +downgrade} sections. Statements are split on first use per dialect
 * and kept, so a run splits each script once.
 */
public final class SqlMigration implements Migration {

	private final String revision;

	private final String location;

	private final Section upgrade;

	private final @Nullable Section downgrade;

	private final @Nullable String checksum;

	/**
	 * Create a SQL migration.
	 * @param revision the revision id, for messages
	 * @param location the file, for messages
	 * @param upgrade the upgrade section's text
	 * @param upgradeLine the file line of the upgrade text's first line
	 * @param downgrade the downgrade section's text, {@code null} when there is none
	 * @param downgradeLine the file line of the downgrade text's first line
	 * @param checksum the script's checksum, see {@link Checksums}
	 */
	public SqlMigration(String revision, String location, String upgrade, int upgradeLine, @Nullable String downgrade,
			int downgradeLine, @Nullable String checksum) {
		this(revision, location, new Section(Objects.requireNonNull(upgrade, "upgrade"), upgradeLine),
				(downgrade != null) ? new Section(downgrade, downgradeLine) : null, checksum);
	}

	private SqlMigration(String revision, String location, Section upgrade, @Nullable Section downgrade,
			@Nullable String checksum) {
		this.revision = Objects.requireNonNull(revision, "revision");
		this.location = Objects.requireNonNull(location, "location");
		this.upgrade = upgrade;
		this.downgrade = downgrade;
		this.checksum = checksum;
	}

	/**
	 * This migration with its placeholders filled; the checksum stays that of the script
	 * as written.
	 */
	SqlMigration filled(Placeholders placeholders) {
		Section filledUpgrade = this.upgrade.filled(placeholders, this.location);
		Section filledDowngrade = (this.downgrade != null) ? this.downgrade.filled(placeholders, this.location) : null;
		if (filledUpgrade == this.upgrade && filledDowngrade == this.downgrade) {
			return this;
		}
		return new SqlMigration(this.revision, this.location, filledUpgrade, filledDowngrade, this.checksum);
	}

	public String revision() {
		return this.revision;
	}

	public String location() {
		return this.location;
	}

	public String upgradeScript() {
		return this.upgrade.text;
	}

	public @Nullable String downgradeScript() {
		return (this.downgrade != null) ? this.downgrade.text : null;
	}

	/**
	 * The statements of one direction for one dialect, split once and cached.
	 * @param direction {@code UPGRADE} or {@code DOWNGRADE} ({@code STAMP} runs nothing)
	 * @param dialect the dialect
	 * @return the statements, empty for a stamp
	 * @throws DowngradeNotSupportedException for {@code DOWNGRADE} without a downgrade
	 * section
	 * @throws ScriptParseException when the section cannot be split
	 */
	public List<SqlStatement> statements(HistoryEntry.Direction direction, Dialect dialect) {
		return switch (direction) {
			case UPGRADE -> this.upgrade.statements(dialect, this.location);
			case DOWNGRADE -> {
				if (this.downgrade == null) {
					throw new DowngradeNotSupportedException(this.revision, this.location);
				}
				yield this.downgrade.statements(dialect, this.location);
			}
			case STAMP, REPAIR -> List.of();
		};
	}

	@Override
	public void upgrade(MigrationContext context) {
		run(context, HistoryEntry.Direction.UPGRADE);
	}

	@Override
	public void downgrade(MigrationContext context) {
		run(context, HistoryEntry.Direction.DOWNGRADE);
	}

	private void run(MigrationContext context, HistoryEntry.Direction direction) {
		for (SqlStatement statement : statements(direction, context.dialect())) {
			context.execute(statement.sql());
		}
	}

	@Override
	public boolean hasDowngrade() {
		return this.downgrade != null;
	}

	@Override
	public @Nullable String checksum() {
		return this.checksum;
	}

	@Override
	public String toString() {
		return this.location;
	}

	/**
	 * One section of the script: its text, the file line it starts on, and its statements
	 * per dialect, split on first use.
	 */
	private static final class Section {

		private final String text;

		private final int firstLine;

		private final Map<Dialect, List<SqlStatement>> statements = new EnumMap<>(Dialect.class);

		Section(String text, int firstLine) {
			this.text = text;
			this.firstLine = firstLine;
		}

		List<SqlStatement> statements(Dialect dialect, String location) {
			synchronized (this.statements) {
				return this.statements.computeIfAbsent(dialect,
						(key) -> SqlSplitter.split(this.text, key, this.firstLine, location));
			}
		}

		Section filled(Placeholders placeholders, String location) {
			String filled = placeholders.fill(this.text, this.firstLine, location);
			return (filled == this.text) ? this : new Section(filled, this.firstLine);
		}

	}

}
