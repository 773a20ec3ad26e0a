#!/usr/bin/env bash
# The npm tools the tests read outputs with: Neo4j's Cypher linter (tests/cypher-lint). Without node
# and npm the tests that need them skip, saying why.
set -euo pipefail
cd "$(dirname "$0")/../tests/cypher-lint"
command -v npm >/dev/null || { echo "install-test-npm: no npm" >&2; exit 1; }
npm install --no-audit --no-fund --silent --no-package-lock
