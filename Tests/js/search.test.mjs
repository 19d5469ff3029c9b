// The search page script as a reader sees it, on the index the Swift builder writes for
// Tests/Fixtures/search-site. Every test runs against the built (minified) script and
// against templates/search.js, so a minifier bug shows up as a difference.
// Run: node --test Tests/js/   (PORTFOLIO_BIN=… to use another portfolio binary)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildSite, fixture, openPage, sourceScript } from './harness.mjs';

let site;
before(() => { site = buildSite(); });
after(() => { if (site) fs.rmSync(site, { recursive: true, force: true }); });

const q = (text, extra = '') => '?q=' + encodeURIComponent(text) + extra;
const sorted = (xs) => [...xs].sort();

// The fixture's own words, so that expectations rest on its content, not on the output.
function article(slug) {
  const text = fs.readFileSync(path.join(fixture, 'content/posts', slug + '.md'), 'utf8');
  const field = (name) => new RegExp(`^${name}: "?(.*?)"?$`, 'm').exec(text)?.[1];
  return { text, title: field('title'), date: field('date') };
}

const scripts = {
  'built search/search.js (minified)': () => path.join(site, 'search/search.js'),
  'templates/search.js (source)': () => sourceScript,
};

for (const [name, script] of Object.entries(scripts)) {
  describe(name, () => {
    const open = (search = '', options = {}) => openPage({ site, script: script(), search, ...options });
    const find = async (text) => (await open(q(text))).slugs();

    describe('starting a query', () => {
      test('a ?q= link runs the query on load and shows title, link, date and tags', async () => {
        const page = await open(q('c2m'));
        assert.equal(page.el('search-input').value, 'c2m');
        assert.equal(page.state, 'done');
        assert.equal(page.status, '找到 1 篇文章（c2m）');
        const [r] = page.results();
        assert.equal(page.results().length, 1);
        assert.equal(r.title, article('c2m').title);
        assert.equal(r.href, '/portfolio/posts/c2m/');
        assert.equal(r.date, '2020-01-02');
        assert.deepEqual(r.tags, ['C2M', '电商']);
      });

      test('an empty page is idle, and typing runs the query and puts it in the URL', async () => {
        const page = await open();
        assert.equal(page.state, 'idle');
        assert.equal(page.status, '');
        assert.equal(page.results().length, 0);
        await page.type('s2b2c');
        assert.deepEqual(page.slugs(), ['s2b2c']);
        assert.equal(page.location.search, '?q=s2b2c');
      });

      test('submitting runs the query without leaving the page, replacing the last results', async () => {
        const page = await open(q('c2m'));
        const event = await page.submit('茶');
        assert.ok(event.defaultPrevented, 'the form must not navigate');
        assert.deepEqual(page.slugs(), ['long-tail']);
        await page.submit('');
        assert.equal(page.state, 'idle');
        assert.equal(page.results().length, 0);
        assert.equal(page.location.search, '');
      });

      test('a query fetches only its own shard, the norms of its documents and the document file of its result', async () => {
        const page = await open(q('c2m'));
        const files = page.searchFiles();
        assert.deepEqual(files.slice(0, 2), ['manifest.json', 'fold.json']);
        // c2m and its prefix term c2m* hash to one shard by design.
        assert.equal(files.filter((f) => f.startsWith('shards/')).length, 1);
        assert.deepEqual(files.filter((f) => f.startsWith('norms/')), ['norms/0.bin']);
        assert.equal(files.filter((f) => f.startsWith('docs/')).length, 1);
        assert.ok(!files.some((f) => f.startsWith('facets/') || f === 'views.bin'));
      });

      test('sorting by date needs no body lengths', async () => {
        const page = await open(q('c2m') + '&sort=date');
        assert.deepEqual(page.slugs(), ['c2m']);
        assert.ok(!page.searchFiles().some((f) => f.startsWith('norms/')));
      });
    });

    describe('normalisation', () => {
      test('full-width and any case of STP find what stp finds', async () => {
        const expected = ['brand-cases', 'stp'];
        for (const form of ['stp', 'STP', 'Stp', 'ＳＴＰ', 'ｓｔｐ']) {
          assert.deepEqual(sorted(await find(form)), expected, form);
        }
        assert.deepEqual(await find('ｃ２ｍ'), ['c2m']);
      });
    });

    describe('Traditional and Simplified', () => {
      test('营销, 行銷 and 營銷 find the same articles', async () => {
        const expected = ['c2m', 'social-commerce', 'stp'];
        for (const form of ['营销', '行銷', '營銷']) assert.deepEqual(sorted(await find(form)), expected, form);
      });

      test('电商 finds Traditional 電商 and 電商 finds Simplified 电商 (not a synonym group)', async () => {
        assert.ok(article('s2b2c').text.includes('電商') && !article('s2b2c').text.includes('电商'));
        assert.ok(article('c2m').text.includes('电商') && !article('c2m').text.includes('電商'));
        const expected = ['c2m', 's2b2c', 'social-commerce'];
        assert.deepEqual(sorted(await find('电商')), expected);
        assert.deepEqual(sorted(await find('電商')), expected);
      });

      test('one character folds too: 链 finds 供應鏈', async () => {
        assert.deepEqual(await find('链'), ['s2b2c']);
        assert.deepEqual(await find('鏈'), ['s2b2c']);
      });
    });

    describe('synonyms', () => {
      test('渠道 finds the article that only says 通路, and the other way round', async () => {
        assert.ok(!article('channel').text.includes('渠道'));
        assert.ok(!article('c2m').text.includes('通路'));
        assert.deepEqual(sorted(await find('渠道')), ['c2m', 'channel']);
        assert.deepEqual(sorted(await find('通路')), ['c2m', 'channel']);
      });

      test('the snippet marks the synonym the article uses', async () => {
        const page = await open(q('渠道'));
        const channel = page.results().find((r) => r.slug === 'channel');
        assert.deepEqual(channel.titleMarks, ['通路']);
        assert.ok(channel.snippetMarks.length > 0 && channel.snippetMarks.every((m) => m === '通路'), channel.snippetMarks);
      });
    });

    describe('tokenising', () => {
      test('two characters from the middle of 長尾理論 find it', async () => {
        assert.deepEqual(await find('尾理'), ['long-tail']);
      });

      test('characters that never stand side by side find nothing', async () => {
        assert.deepEqual(await find('理長'), []);
      });

      test('a one-character query finds the character inside a longer word', async () => {
        assert.deepEqual(await find('茶'), ['long-tail']);
      });

      test('Latin words with digits are words, and a word finds its longer words as a prefix', async () => {
        assert.deepEqual(await find('c2m'), ['c2m']);
        assert.deepEqual(await find('s2b2c'), ['s2b2c']);
        assert.deepEqual(await find('S2B2C'), ['s2b2c']);
        assert.deepEqual(await find('s2b'), ['s2b2c']);
      });

      test('every part of a query first: words apart (the rest partial) and words run together', async () => {
        const page = await open(q('STP 行銷'));
        assert.equal(page.slugs()[0], 'stp');
        assert.equal(page.full, 1);
        assert.ok(page.results().slice(1).every((r) => r.partial));
        assert.deepEqual(await find('C2M营销'), ['c2m']);
      });
    });

    describe('ranking', () => {
      test('the article with STP in its title ranks above the newer one with STP only in its body', async () => {
        const title = article('stp'), body = article('brand-cases');
        assert.ok(title.title.includes('STP') && !body.title.includes('STP') && body.text.includes('STP'));
        // Without ranking the newer article would come first (documents are numbered newest first).
        assert.ok(body.date > title.date);
        assert.deepEqual(await find('stp'), ['stp', 'brand-cases']);
      });

      test('sorting by views and by date, from the URL and from the sort menu', async () => {
        const page = await open(q('行銷', '&sort=views'));
        assert.equal(page.el('search-sort').value, 'views');
        assert.deepEqual(page.slugs(), ['social-commerce', 'stp', 'c2m']); // views 5000, 4210, 1500
        await page.choose('search-sort', 'date');
        assert.deepEqual(page.slugs(), ['social-commerce', 'c2m', 'stp']); // 2022, 2020, 2019
        assert.equal(page.location.search, q('行銷', '&sort=date'));
      });
    });

    describe('filters', () => {
      test('a tag from the URL matches whatever its case, with no query', async () => {
        const page = await open('?tag=stp');
        assert.equal(page.el('search-tag').value, 'STP');
        assert.deepEqual(page.slugs(), ['stp']);
        assert.equal(page.status, '找到 1 篇文章');
      });

      test('a Traditional category name selects the Simplified category', async () => {
        const page = await open('?category=' + encodeURIComponent('營銷'));
        assert.equal(page.el('search-category').value, '营销');
        assert.deepEqual(page.slugs(), ['social-commerce']);
      });

      test('choosing a tag narrows the results and goes into the URL', async () => {
        const page = await open(q('行銷'));
        await page.choose('search-tag', 'C2M');
        assert.deepEqual(page.slugs(), ['c2m']);
        assert.equal(page.location.search, q('行銷', '&tag=C2M'));
      });
    });

    describe('snippets', () => {
      test('a Simplified query marks the Traditional text it matched, as mark elements', async () => {
        const page = await open(q('长尾'));
        const [r] = page.results();
        assert.equal(r.slug, 'long-tail');
        assert.deepEqual(r.titleMarks, ['長尾']);
        assert.deepEqual(r.snippetMarks, ['長尾']);
        assert.ok(r.snippet.startsWith('長尾理論說明'), r.snippet);
      });

      test('a one-character query marks that character alone', async () => {
        const [r] = (await open(q('茶'))).results();
        assert.deepEqual(r.snippetMarks, ['茶']);
        assert.deepEqual(r.titleMarks, []);
      });

      test('HTML in a title or body is shown as text, never parsed', async () => {
        const page = await open(q('script'));
        const [r] = page.results();
        assert.equal(r.slug, 'html-title');
        assert.equal(r.title, '<script>alert(1)</script> 標題測試 <b>粗體</b>');
        assert.deepEqual(r.titleMarks, ['script', 'script']);
        assert.ok(r.snippet.includes('<img src=x onerror=alert(1)>'), r.snippet);
        const made = new Set(page.doc.created.map((e) => e.tagName));
        for (const tag of ['SCRIPT', 'B', 'IMG']) assert.ok(!made.has(tag), `a <${tag}> element was made`);
        assert.deepEqual(page.doc.htmlWrites, []);
      });

      // Bug: marks() normalises one character at a time, so a decomposed é (e + U+0301)
      // never composes to the é the query has; the article is found but nothing is marked.
      test('an accent written as a combining mark is marked like a precomposed one', { todo: 'search.js marks() normalises per character' }, async () => {
        assert.ok(article('cafe').text.includes('Cafe\u0301'));
        const [r] = (await open(q('café'))).results();
        assert.equal(r.slug, 'cafe');
        assert.deepEqual(r.titleMarks, ['Cafe\u0301']);
      });
    });

    describe('no results', () => {
      test('a query nothing matches clears the list and says so', async () => {
        const page = await open(q('stp'));
        await page.submit('zzzqqq');
        assert.equal(page.state, 'done');
        assert.equal(page.results().length, 0);
        assert.equal(page.status, '找不到符合「zzzqqq」的文章');
        assert.equal(page.total, 0);
        await page.submit('量子');
        assert.equal(page.status, '找不到符合「量子」的文章');
      });

      test('an index that fails to load says so', async () => {
        const page = await open(q('stp'), { fail: (rel) => rel.startsWith('search/shards/') && 500 });
        assert.equal(page.state, 'error');
        assert.equal(page.status, '搜尋索引載入失敗，請稍後再試。');
      });
    });

    describe('keyboard', () => {
      test('arrow keys move from the box through the result links and back', async () => {
        const page = await open(q('stp'));
        const input = page.el('search-input'), list = page.el('search-results');
        const links = list.querySelectorAll('a.search-title');
        assert.ok(page.key(input, 'ArrowDown').defaultPrevented);
        assert.equal(page.doc.activeElement, links[0]);
        page.key(list, 'ArrowDown');
        assert.equal(page.doc.activeElement, links[1]);
        page.key(list, 'ArrowUp');
        page.key(list, 'ArrowUp');
        assert.equal(page.doc.activeElement, input);
      });
    });
  });
}

test('the built script is templates/search.js without its comments and whitespace', () => {
  const source = fs.readFileSync(sourceScript, 'utf8');
  const built = fs.readFileSync(path.join(site, 'search/search.js'), 'utf8');
  const code = source.replace(/^\s*\/\/.*$/gm, '').replace(/'[^'\n]*'/g, "''");
  assert.ok(!code.includes('//'), 'templates/search.js has a comment after code: this comparison needs a tokenizer');
  const bare = (js) => js.replace(/^\s*\/\/.*$/gm, '').replace(/\s+/g, '');
  assert.equal(bare(built), bare(source));
  assert.ok(built.length < source.length);
});
