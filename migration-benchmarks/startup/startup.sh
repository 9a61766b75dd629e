#!/usr/bin/env bash
# Start-up of the sample app with nothing pending: the starter on (its startup migration
# in the background, the default), the starter on with it on the main thread
# (migration.startup-in-background=false), the starter off (migration.enabled=false), and
# the starter off with Boot's Flyway or Liquibase integration on the same schema instead.
# Each run is a whole process that exits when the context is refreshed
# (-Dspring.context.exit=onRefresh: after every bean, the migration included, before the
# web server starts). Variants take turns, RUNS times;
# prints the median wall and CPU (user+sys) seconds per variant and the median of the
# per-round differences to "off".
#
# From the repository root, after
#   ./mvnw -q -Pbenchmarks -pl migration-benchmarks,sample-app -am package -DskipTests
# with MIGRATION_TEST_POSTGRESQL_URL/_USER/_PASSWORD set:
#   migration-benchmarks/startup/startup.sh [RUNS]
set -euo pipefail
runs="${1:-11}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/sample-app/target/sample-app.jar"
bench="$root/migration-benchmarks/target"
work="$(mktemp -d "${TMPDIR:-/tmp}/startup-variants.XXXXXX")"
trap 'rm -rf "$work"' EXIT
declare -A url
while IFS='=' read -r name value; do url[$name]="$value"; done < <(java -cp "$bench/benchmarks.jar:$bench/lib/*" \
	dev.migration.benchmarks.StartupVariants "$root/sample-app/src/main/resources/db/migration" "$work")
lib="$bench/lib"
flyway_path="$bench/startup-variants/spring-boot-flyway-4.1.2.jar,$(ls "$lib"/flyway-core-*.jar),$(ls "$lib"/flyway-database-postgresql-*.jar)"
liquibase_path="$bench/startup-variants/spring-boot-liquibase-4.1.2.jar,$(ls "$lib"/liquibase-core-*.jar)"
for dep in commons-collections4 commons-io commons-lang3 commons-text opencsv; do
	liquibase_path="$liquibase_path,$(ls "$lib"/$dep-*.jar)"
done

# One start of variant $1; appends "variant wall user sys" to $work/times.
start() {
	local variant="$1" loader="" schema="${url[us]}" enabled=false extra=()
	case "$variant" in
		on) enabled=true ;;
		main) enabled=true; extra=(--migration.startup-in-background=false) ;;
		off) ;;
		connect) extra=(--spring.sql.init.mode=always --spring.sql.init.schema-locations="file:$work/connect.sql") ;;
		flyway) loader="$flyway_path"; schema="${url[flyway]}"; extra=(--spring.flyway.locations="filesystem:$work/flyway") ;;
		liquibase) loader="$liquibase_path"; schema="${url[liquibase]}"
			extra=(--spring.liquibase.change-log="file:$work/liquibase/changelog.sql") ;;
	esac
	SPRING_DATASOURCE_URL="$schema" SPRING_DATASOURCE_USERNAME="${MIGRATION_TEST_POSTGRESQL_USER:-}" \
	SPRING_DATASOURCE_PASSWORD="${MIGRATION_TEST_POSTGRESQL_PASSWORD:-}" MIGRATION_ENABLED="$enabled" SERVER_PORT=0 \
		/usr/bin/time -f "$variant %e %U %S" -a -o "$work/times" \
		java -Dspring.context.exit=onRefresh -Dloader.path="$loader" -cp "$jar" \
		org.springframework.boot.loader.launch.PropertiesLauncher "${extra[@]}" > "$work/$variant.log" 2>&1 \
		|| { echo "$variant failed:"; tail -20 "$work/$variant.log"; exit 1; }
}

# "connect": the starter off, and Boot's own SQL initialization running one SELECT 1 at
# start-up: what opening the application's pool and its first connection costs, which every
# migration tool pays and "off" never does during start-up
echo "SELECT 1;" > "$work/connect.sql"
variants=(on main off connect flyway liquibase)
# Unmeasured: the first starts migrate each schema (ours runs on "us", which "off" reuses).
for v in "${variants[@]}"; do start "$v"; done
grep -q "database migrated from base" "$work/on.log" || { echo "the starter did not migrate:"; tail "$work/on.log"; exit 1; }
for v in "${variants[@]}"; do start "$v"; done
rm -f "$work/times"
for ((i = 0; i < runs; i++)); do
	for ((j = 0; j < ${#variants[@]}; j++)); do start "${variants[$(((i + j) % ${#variants[@]}))]}"; done
done
grep -q "HikariPool-1 - Start completed" "$work/connect.log" || { echo "the connect variant did not connect:"; tail "$work/connect.log"; exit 1; }
grep -q "database already at the target" "$work/on.log" || { echo "nothing-pending check failed"; exit 1; }
grep -q "gration-startup.*database already at the target" "$work/on.log" || { echo "on: not in the background"; exit 1; }
grep -q "main\].*database already at the target" "$work/main.log" || { echo "main: not on the main thread"; exit 1; }
grep -q "Schema .* is up to date\|No migration necessary" "$work/flyway.log" || { echo "flyway did not run:"; tail "$work/flyway.log"; exit 1; }

echo "sample app start-up to a refreshed context, nothing pending: $runs rounds, variants in rotating order"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
awk -v runs="$runs" '
	{ n[$1]++; wall[$1, n[$1]] = $2; cpu[$1, n[$1]] = $3 + $4 }
	function median(a, v, count,   i, j, t, s) {
		for (i = 1; i <= count; i++) s[i] = a[v, i]
		for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (s[j] < s[i]) { t = s[i]; s[i] = s[j]; s[j] = t }
		return (count % 2) ? s[(count + 1) / 2] : (s[count / 2] + s[count / 2 + 1]) / 2
	}
	END {
		printf "| variant | wall s (median) | CPU s (median) | wall - off (median of rounds) | CPU - off (median of rounds) | wall - connect (median of rounds) | CPU - connect (median of rounds) |\n|---|---:|---:|---:|---:|---:|---:|\n"
		split("on main off connect flyway liquibase", order, " ")
		for (k = 1; k <= 6; k++) {
			v = order[k]
			for (i = 1; i <= n[v]; i++) {
				dw[v, i] = wall[v, i] - wall["off", i]; dc[v, i] = cpu[v, i] - cpu["off", i]
				kw[v, i] = wall[v, i] - wall["connect", i]; kc[v, i] = cpu[v, i] - cpu["connect", i]
			}
			printf "| %s | %.2f | %.2f | %+.3f | %+.3f | %+.3f | %+.3f |\n", v, median(wall, v, n[v]), median(cpu, v, n[v]), median(dw, v, n[v]), median(dc, v, n[v]), median(kw, v, n[v]), median(kc, v, n[v])
		}
	}' "$work/times"
