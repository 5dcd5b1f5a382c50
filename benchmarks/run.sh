#!/usr/bin/env sh
# Compiles the benchmarks and the modules they use from this working copy (no `mvn install`, nothing
# written to ~/.m2) and runs one benchmark class on their target/classes.
#   benchmarks/run.sh <MainClass> [args...]     e.g. benchmarks/run.sh LibsqlBenchmark libsql
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
main=$1; shift
mvn -B -q -o -pl benchmarks -am compile
mvn -B -q -o -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$root/benchmarks/target/benchmarks.cp" >/dev/null
# Use this working copy's classes for djorm's own modules rather than the ~/.m2 snapshots.
cp=$(tr ':' '\n' < "$root/benchmarks/target/benchmarks.cp" | while read -r jar; do
  case "$jar" in
    */io/djorm/*) module=$(basename "$(dirname "$(dirname "$jar")")"); echo "$root/$module/target/classes" ;;
    *) echo "$jar" ;;
  esac
done | paste -sd: -)
exec java $JAVA_OPTS -cp "$root/benchmarks/target/classes:$cp" "io.djorm.benchmarks.$main" "$@"
