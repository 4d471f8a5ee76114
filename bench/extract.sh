#!/usr/bin/env bash
# Article-extraction benchmark: Newsdesk's reader beside trafilatura, Readability.js and the others.
#
#   bench/extract.sh DIR [--libraries]
#
# For every DIR/html/<id>.html.gz, with the page's address from DIR/ground-truth.json, runs the code import from a URL
# runs (ArticleReader, through org.newsdesk.tools.ExtractionBench) and writes DIR/output/newsdesk.json
# ({id: {"articleBody": ...}}); then, when DIR has the benchmark's scorer (evaluate.py), runs it, which prints every
# system's F1, precision and recall side by side. --libraries also scores the Java extractors tried for the job
# (Readability4J, boilerpipe) as output/newsdesk-readability4j.json and output/newsdesk-boilerpipe.json.
# A DIR that cannot be written (a read-only copy of the benchmark) is copied to target/extraction-bench first.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:?usage: bench/extract.sh DIR [--libraries]}"; shift
profile=(); extra=()
for arg in "$@"; do
  case "$arg" in
    --libraries) profile=(-Pbench-libraries); extra+=(--libraries) ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
dir="$(cd "$dir" && pwd)"
if ! { mkdir -p "$dir/output" 2>/dev/null && [ -w "$dir/output" ]; }; then
  copy="$PWD/target/extraction-bench"
  rm -rf "$copy"; mkdir -p "$copy"
  cp -r "$dir"/. "$copy"/; chmod -R u+w "$copy"
  echo "$dir cannot be written: working on a copy in $copy"
  dir="$copy"
fi
./mvnw -B -q "${profile[@]}" test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/extract-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/extract-classpath.txt)" \
  org.newsdesk.tools.ExtractionBench "$dir" "${extra[@]}"
if [ -f "$dir/evaluate.py" ]; then
  (cd "$dir" && python3 evaluate.py --n-bootstrap "${BOOTSTRAP:-200}")
fi
