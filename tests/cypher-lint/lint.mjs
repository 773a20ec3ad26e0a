// Lint a cypher-shell script with Neo4j's language-support linter, the one Neo4j's editors use.
// Usage: node lint.mjs FILE; prints one JSON array of {version, severity, line, message}.
// The script's own `:param NAME => …` lines define its parameters, so $NAME is known; console
// commands (:param) are allowed, as cypher-shell runs them. Both Cypher versions are checked.
import { readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const text = readFileSync(process.argv[2], 'utf8');
const parameters = Object.fromEntries(
  [...text.matchAll(/^:param\s+(\w+)\s*=>/gm)].map((m) => [m[1], []]),
);
const found = [];
for (const version of ['CYPHER 5', 'CYPHER 25']) {
  const { diagnostics } = lintCypherQuery(
    text,
    { parameters, defaultLanguage: version },
    { consoleCommandsEnabled: true },
  );
  for (const d of diagnostics) {
    found.push({ version, severity: d.severity, line: d.range.start.line + 1, message: d.message });
  }
}
console.log(JSON.stringify(found));
