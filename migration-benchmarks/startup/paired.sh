#!/usr/bin/env bash
# Paired whole-process timing with public tools: runs command A and command B in turn
# (A B A B ...) RUNS times after one unmeasured run of each, and prints the median wall
# and CPU (user+sys) seconds of each, from /usr/bin/time, and the median of the per-pair
# ratios A/B. The commands are shell words (quote each as one argument); their output is
# discarded, and a failing run stops the measurement.
#   migration-benchmarks/startup/paired.sh 15 'NEW COMMAND' 'OLD COMMAND'
set -euo pipefail
runs="$1"
a="$2"
b="$3"
times="$(mktemp)"
trap 'rm -f "$times"' EXIT
one() {
	/usr/bin/time -f "$1 %e %U %S" -a -o "$times" bash -c "exec $2" > /dev/null 2>&1 \
		|| { echo "failed: $2"; bash -c "$2"; exit 1; }
}
one A "$a"
one B "$b"
: > "$times"
for ((i = 0; i < runs; i++)); do
	one A "$a"
	one B "$b"
done
echo "A = $a"
echo "B = $b"
echo "$runs pairs; machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
awk '
	function median(a, count,   i, j, t, s) {
		for (i = 1; i <= count; i++) s[i] = a[i]
		for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (s[j] < s[i]) { t = s[i]; s[i] = s[j]; s[j] = t }
		return (count % 2) ? s[(count + 1) / 2] : (s[count / 2] + s[count / 2 + 1]) / 2
	}
	$1 == "A" { na++; aw[na] = $2; ac[na] = $3 + $4 }
	$1 == "B" { nb++; bw[nb] = $2; bc[nb] = $3 + $4 }
	END {
		for (i = 1; i <= na; i++) { rw[i] = aw[i] / bw[i]; rc[i] = (bc[i] > 0) ? ac[i] / bc[i] : 0 }
		printf "| | wall s (median) | CPU s (median) |\n|---|---:|---:|\n"
		printf "| A | %.3f | %.3f |\n| B | %.3f | %.3f |\n", median(aw, na), median(ac, na), median(bw, nb), median(bc, nb)
		printf "| A/B, median of pairs | %.2f | %.2f |\n", median(rw, na), median(rc, na)
	}' "$times"
