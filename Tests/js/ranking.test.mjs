// Ranking, snippets from the whole article, multi-word queries and suggestions, on
// Tests/Fixtures/search-ranking-site, with the built (minified) script and the source.
// Run: node --test Tests/js/   (PORTFOLIO_BIN=… to use another portfolio binary)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildSite, openPage, repoRoot, sourceScript } from './harness.mjs';

const source = path.join(repoRoot, 'Tests/Fixtures/search-ranking-site');
let site;
before(() => { site = buildSite(source); });
after(() => { if (site) fs.rmSync(site, { recursive: true, force: true }); });

const q = (text) => '?q=' + encodeURIComponent(text);
const body = (slug) => fs.readFileSync(path.join(source, 'content/posts', slug + '.md'), 'utf8').split('---')[2];

const scripts = {
  'built search/search.js (minified)': () => path.join(site, 'search/search.js'),
  'templates/search.js (source)': () => sourceScript,
};

for (const [name, script] of Object.entries(scripts)) {
  describe(name, () => {
    const open = (search = '') => openPage({ site, script: script(), search });

    describe('ranking', () => {
      const typed = ['title-typed', 'tag-typed', 'summary-typed', 'body-typed'];
      test('the typed form first, then title > tags > summary > body; a synonym-only match after', async () => {
        for (const form of ['營銷', '营销']) {
          assert.deepEqual((await open(q(form))).slugs(), [...typed, 'body-synonym'], form);
        }
      });

      test('typing the other form puts the article that uses it first', async () => {
        for (const form of ['行銷', '行销']) {
          assert.deepEqual((await open(q(form))).slugs(), ['body-synonym', ...typed], form);
        }
      });
    });

    describe('snippets', () => {
      test('a match far into the article shows the window around it, marked', async () => {
        assert.ok(body('long-read').indexOf('社區') > 240, 'the match must lie past the old 240-character excerpt');
        const page = await open(q('社区'));
        const r = page.results().find((x) => x.slug === 'long-read');
        assert.ok(r.snippetMarks.includes('社區'), JSON.stringify(r));
        assert.ok(r.snippet.startsWith('…'), r.snippet);
        assert.ok(r.snippet.includes('社區團購'), r.snippet);
        // The window starts at the sentence that holds the match.
        assert.ok(r.snippet.startsWith('…最後一段才談到社區'), r.snippet);
      });
    });

    describe('several words', () => {
      test('results with every word first, then those with some, marked partial', async () => {
        const page = await open(q('电商 社区'));
        const rs = page.results();
        assert.equal(rs[0].slug, 'long-read');
        assert.equal(rs[0].partial, false);
        assert.deepEqual(rs.slice(1).map((r) => r.slug), ['neighbourhood']);
        assert.ok(rs.slice(1).every((r) => r.partial));
        assert.equal(page.total, 2);
        assert.equal(page.full, 1);
        assert.match(page.status, /找到 2 篇文章.*其中 1 篇只符合部分字詞/);
        const li = page.el('search-results').children[1];
        assert.equal(li.querySelector('span.search-partial-mark').textContent, '部分符合');
      });

      test('one word that finds nothing still shows the other word\'s results, as partial', async () => {
        const page = await open(q('社区 量子'));
        assert.deepEqual(page.slugs().sort(), ['long-read', 'neighbourhood']);
        assert.equal(page.full, 0);
        assert.ok(page.results().every((r) => r.partial));
      });
    });

    describe('no results', () => {
      test('a near miss suggests the nearest tag or title word, and the link runs it', async () => {
        const page = await open(q('社群導構'));
        assert.equal(page.total, 0);
        assert.deepEqual(page.suggestions(), ['社群導購']);
        assert.equal(page.el('search-suggest').textContent, '您是不是要找：社群導購');
        page.el('search-suggest').querySelector('a').click();
        await page.settled();
        assert.deepEqual(page.slugs(), ['community-selling']);
        assert.equal(page.el('search-suggest'), null);
      });

      test('Simplified typing is compared on the folded form', async () => {
        const page = await open(q('社群导构'));
        assert.deepEqual(page.suggestions(), ['社群導購']);
      });

      test('nothing near enough suggests nothing', async () => {
        const page = await open(q('量子力學'));
        assert.equal(page.total, 0);
        assert.deepEqual(page.suggestions(), []);
        assert.equal(page.status, '找不到符合「量子力學」的文章');
      });
    });
  });
}
