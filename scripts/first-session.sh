#!/usr/bin/env bash
# Prints README's "A first session": each command and its output, on the bundled sample corpus, run in a
# fresh temporary folder. Re-run it when the output changes and paste the result into the README.
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
export PYTHONPATH="$here/src${PYTHONPATH:+:$PYTHONPATH}"
run() {
  local shown=""
  for a in "$@"; do [[ "$a" == *" "* ]] && shown+=" \"$a\"" || shown+=" $a"; done
  echo "\$ refgraph$shown"
  python -m refgraph.cli "$@" 2>&1 | sed "s|$work/||g; s|$here/||g"
  echo
}
run build
run lineage 12-KH/HU
run implements 46-CT/TW --depth 1
run cited-by 15-KL/TW
run stats --top 5
run show "57 NQ/TW"
run html 46-CT/TW --down --depth 1
