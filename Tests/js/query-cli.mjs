// Runs queries through the theme's search script as a reader's browser does, over a
// folder that holds `search/` (index files and `index.html`), and prints, as JSON, each
// query's result count (and how many have every word), the slugs of its first page of
// results and its suggestions:
//   node Tests/js/query-cli.mjs SITE SCRIPT QUERY...
// The Swift parity test compares these with the Swift twin of the query engine.
import { openPage } from './harness.mjs';

const [site, script, ...queries] = process.argv.slice(2);
const results = {};
for (const q of queries) {
  const page = await openPage({ site, script, search: '?q=' + encodeURIComponent(q) });
  results[q] = { total: page.total, full: page.full, ids: page.slugs(), suggestions: page.suggestions() };
}
process.stdout.write(JSON.stringify(results));
