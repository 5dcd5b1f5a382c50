#!/usr/bin/env bash
# Warm start-up of the shipped orm command: `showmigrations` on a small SQLite project (two models, one
# applied migration), timed as a user runs it. Prints the median wall-clock and CPU (user + sys) seconds
# of RUNS runs (default 10) for plain `java -jar`, and for the orm-cli/bin/orm wrapper (class-data
# sharing archive made by one earlier run, C1 only, serial GC).
# Build the jar first:  mvn -B -q -pl orm-cli -am package -DskipTests
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar=$(ls "$root"/orm-cli/target/orm-cli-*.jar 2>/dev/null | grep -v '/original-' | head -1 || true)
if [ -z "$jar" ]; then
  echo "no orm-cli jar: run mvn -B -q -pl orm-cli -am package -DskipTests first" >&2
  exit 2
fi
runs=${RUNS:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/target/classes"
javac -proc:none -cp "$jar" -d "$work/target/classes" $(find "$root/orm-cli/src/test/resources/sample" -name '*.java')
printf 'DATABASES.default.ENGINE = sqlite\nDATABASES.default.NAME = shop.db\nINSTALLED_APPS = com.example.shop\n' \
  > "$work/djorm.properties"
cd "$work"
export DJORM_SETTINGS=djorm.properties XDG_CACHE_HOME="$work/cache" DJORM_CLI_JAR="$jar"
java -jar "$jar" makemigrations > /dev/null
java -jar "$jar" migrate > /dev/null

# Median of one column of a file of "wall user sys" lines; column 4 is user + sys.
median() {
  awk -v c="$2" '{ v = (c == 4) ? $2 + $3 : $c; print v }' "$1" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

measure() {
  local label=$1; shift
  local times="$work/times"
  : > "$times"
  "$@" > /dev/null 2>&1 # one untimed run: the page cache and, for the wrapper, its archive
  for _ in $(seq "$runs"); do
    { TIMEFORMAT='%R %U %S'; time "$@" > /dev/null 2>&1; } 2>> "$times"
  done
  printf '%-36s median wall %5.2f s   median CPU %5.2f s   (%s runs)\n' "$label" "$(median "$times" 1)" \
    "$(median "$times" 4)" "$runs"
}

echo "showmigrations, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
measure "java -jar orm-cli.jar" java -jar "$jar" showmigrations
measure "orm-cli/bin/orm (CDS archive, C1)" sh "$root/orm-cli/bin/orm" showmigrations
