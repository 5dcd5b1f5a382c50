#!/usr/bin/env sh
# Runs one of the docs tools of io.djorm.docs.check (BenchmarkChart, SnippetSync) on this working copy.
# Compiles the docs checks and the modules they use and resolves the classpath in the same reactor run,
# so djorm's modules come from target/classes and nothing needs installing.
#   docs/run-check.sh BenchmarkChart    redraws docs/images/benchmarks.png from docs/benchmarks.md
#   docs/run-check.sh SnippetSync       copies the snippet regions into the pages
set -e
[ $# -eq 1 ] || { echo "usage: docs/run-check.sh BenchmarkChart|SnippetSync" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# Every module of the run writes the file; docs comes last, so its test classpath is what remains.
mvn -B -q -pl docs -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$root/docs/target/docs.cp" >/dev/null
cp=$(cat "$root/docs/target/docs.cp")
cd "$root/docs"
exec java -cp "target/test-classes:target/classes:$cp" "io.djorm.docs.check.$1"
