#!/usr/bin/env bash
# Article-extraction benchmark: Newsdesk's reader beside trafilatura, Readability.js and the others.
#
#   bench/extract.sh DIR [--libraries] [--pages N] [--min-f1 F]
#
# For every DIR/html/<id>.html.gz, with the page's address from DIR/ground-truth.json, runs the code import from a URL
# runs (ArticleReader, through org.newsdesk.tools.ExtractionBench) and writes DIR/output/newsdesk.json
# ({id: {"articleBody": ...}}); then, when DIR has the benchmark's scorer (evaluate.py), runs it, which prints every
# system's F1, precision and recall side by side.
#   --libraries  also scores the Java extractors tried for the job (Readability4J, boilerpipe) as
#                output/newsdesk-readability4j.json and output/newsdesk-boilerpipe.json
#   --pages N    only the first N pages (by id), with every system's answers for them: CI's check that the
#                benchmark still runs, in a minute
#   --min-f1 F   fails (exit 1) when Newsdesk's F1 is below F
# A DIR that cannot be written (a read-only copy of the benchmark), or a subset, is copied to target/extraction-bench.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:?usage: bench/extract.sh DIR [--libraries] [--pages N] [--min-f1 F]}"; shift
profile=(); extra=(); pages=""; min_f1=""
while (($#)); do
  case "$1" in
    --libraries) profile=(-Pbench-libraries); extra+=(--libraries) ;;
    --pages) pages="${2:?--pages needs a number}"; shift ;;
    --min-f1) min_f1="${2:?--min-f1 needs a number}"; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
dir="$(cd "$dir" && pwd)"
copy="$PWD/target/extraction-bench"
if [ -n "$pages" ]; then
  rm -rf "$copy"; mkdir -p "$copy/html" "$copy/output"
  python3 - "$dir" "$copy" "$pages" <<'PY'
import json, shutil, sys, pathlib
src, dst, n = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
truth = json.loads((src / 'ground-truth.json').read_text(encoding='utf-8'))
ids = sorted(truth)[:n]
(dst / 'ground-truth.json').write_text(json.dumps({i: truth[i] for i in ids}, ensure_ascii=False), encoding='utf-8')
for i in ids:
    shutil.copy(src / 'html' / f'{i}.html.gz', dst / 'html')
for out in sorted((src / 'output').glob('*.json')):
    if out.stem.startswith('newsdesk'):
        continue
    data = json.loads(out.read_text(encoding='utf-8'))
    wrapped = isinstance(data, dict) and set(data) == {'version', 'output'}
    answers = data['output'] if wrapped else data
    subset = {i: answers.get(i, {'articleBody': ''}) for i in ids}
    (dst / 'output' / out.name).write_text(json.dumps({'version': data['version'], 'output': subset} if wrapped else subset,
                                                      ensure_ascii=False), encoding='utf-8')
PY
  cp "$dir/evaluate.py" "$copy/" 2>/dev/null || true
  echo "The first $pages pages of $dir, with every system's answers for them, in $copy"
  dir="$copy"
elif ! { mkdir -p "$dir/output" 2>/dev/null && [ -w "$dir/output" ]; }; then
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
  (cd "$dir" && python3 evaluate.py --n-bootstrap "${BOOTSTRAP:-200}" --output scores.json)
  if [ -n "$min_f1" ]; then
    python3 - "$dir/scores.json" "$min_f1" <<'PY'
import json, sys
f1 = json.load(open(sys.argv[1]))['newsdesk']['f1']
floor = float(sys.argv[2])
print(f"Newsdesk F1 {f1:.3f} (floor {floor})")
sys.exit(0 if f1 >= floor else 1)
PY
  fi
elif [ -n "$min_f1" ]; then
  echo "--min-f1 needs DIR/evaluate.py" >&2; exit 2
fi
