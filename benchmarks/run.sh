#!/usr/bin/env sh
# Compiles the benchmarks and the modules they use from this working copy (no `mvn install`, nothing
# written to ~/.m2) and runs one benchmark class on their target/classes.
#   benchmarks/run.sh <MainClass> [args...]     e.g. benchmarks/run.sh LibsqlBenchmark libsql
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
main=$1; shift
# Compile and resolve the classpath in one reactor run: there djorm's own modules resolve to this
# working copy's target/classes, so nothing needs to be installed in ~/.m2 (every module of the run
# writes the file; the benchmarks module comes last, so its classpath is what remains).
mvn -B -q -o -pl benchmarks -am compile dependency:build-classpath \
    -Dmdep.outputFile="$root/benchmarks/target/benchmarks.cp" >/dev/null
cp=$(cat "$root/benchmarks/target/benchmarks.cp")
exec java $JAVA_OPTS -cp "$root/benchmarks/target/classes:$cp" "io.djorm.benchmarks.$main" "$@"
