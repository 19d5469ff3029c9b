// The 繁簡 switch (templates/assets/zh.js) on pages of the demo site as the portfolio
// binary builds them: its tables (assets/zh.json) turn Traditional text into Simplified
// and back, text written in Simplified goes to Traditional, the choice is kept in
// localStorage and applied on the next page load, and the page is left as written
// until the reader asks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { Document, descendants, parseInto } from './dom.mjs';
import { buildSite, repoRoot, waitFor } from './harness.mjs';

const script = path.join(repoRoot, 'templates/assets/zh.js');
let site;
before(() => { site = buildSite(repoRoot); });
after(() => { if (site) fs.rmSync(site, { recursive: true, force: true }); });

// The page's header button and its <main>, parsed from the built file.
function pageMarkup(rel) {
  const html = fs.readFileSync(path.join(site, rel), 'utf8');
  const lang = /<html lang="([^"]+)"/.exec(html)[1];
  const title = /<title>([^<]*)<\/title>/.exec(html)[1];
  const button = /<button class="zh-toggle"[^>]*>[^<]*<\/button>/.exec(html)[0];
  const main = /<main[\s\S]*?<\/main>/.exec(html)[0]
    .replace(/<(img|hr|br|input)\b([^>]*?)\s*\/?>/g, '<$1$2 />');
  return { lang, title, markup: button + main };
}

function storage() {
  const items = new Map();
  return { getItem: (k) => (items.has(k) ? items.get(k) : null), setItem: (k, v) => items.set(k, String(v)), items };
}

// Opens `rel` with zh.js running, over the built folder; `store` is its localStorage.
async function open(rel, store) {
  const { lang, title, markup } = pageMarkup(rel);
  const doc = new Document();
  const html = doc.createElement('html');
  html.setAttribute('lang', lang);
  doc.documentElement = html;
  doc.title = title;
  parseInto(doc, doc.body, markup);
  const fetched = [];
  const fetch = async (url) => {
    fetched.push(url);
    const file = path.join(site, String(url).replace(/^\//, ''));
    const bytes = fs.readFileSync(file, 'utf8');
    return { ok: true, status: 200, json: async () => JSON.parse(bytes) };
  };
  const context = { document: doc, fetch, localStorage: store, console, setTimeout, WeakSet };
  context.window = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(script, 'utf8'), context, { filename: script });
  const button = doc.getElementById('zh-toggle');
  const text = () => doc.body.textContent;
  const page = { doc, html, button, text, fetched };
  page.click = async () => {
    const before = button.getAttribute('data-mode');
    button.click();
    await waitFor(() => button.getAttribute('data-mode') !== before, { what: 'the switch' });
  };
  await new Promise((r) => setTimeout(r, 5));
  return page;
}

describe('繁簡 switch', () => {
  test('zh.json holds both tables, one character to one, and is the same on every build', () => {
    const table = JSON.parse(fs.readFileSync(path.join(site, 'assets/zh.json'), 'utf8'));
    const t2s = Array.from(table.t2s), s2t = Array.from(table.s2t);
    assert.equal(t2s.length % 2, 0);
    assert.equal(s2t.length % 2, 0);
    const pairs = (cs) => new Map(cs.flatMap((c, i) => (i % 2 ? [] : [[c, cs[i + 1]]])));
    const ts = pairs(t2s), st = pairs(s2t);
    for (const [t, s] of [['體', '体'], ['區', '区'], ['場', '场'], ['與', '与'], ['會', '会']]) assert.equal(ts.get(t), s);
    for (const [s, t] of [['营', '營'], ['销', '銷'], ['与', '與'], ['费', '費']]) assert.equal(st.get(s), t);
    const again = buildSite(repoRoot);
    try {
      assert.ok(fs.readFileSync(path.join(again, 'assets/zh.json')).equals(fs.readFileSync(path.join(site, 'assets/zh.json'))));
    } finally { fs.rmSync(again, { recursive: true, force: true }); }
  });

  test('the page stays as written until the reader asks, and loads no table', async () => {
    const page = await open('posts/stp/index.html', storage());
    assert.equal(page.button.hidden, false);
    assert.equal(page.button.textContent, '简');
    assert.match(page.text(), /市場區隔/);
    assert.deepEqual(page.fetched, []);
  });

  test('Traditional to Simplified and back, exactly as written', async () => {
    const store = storage();
    const page = await open('posts/stp/index.html', store);
    const written = page.text();
    await page.click();
    assert.match(page.text(), /市场区隔/);
    assert.doesNotMatch(page.text(), /市場區隔/);
    assert.equal(page.html.getAttribute('lang'), 'zh-Hans');
    assert.match(page.doc.title, /STP 理论/);
    assert.equal(page.button.textContent, '繁');
    assert.equal(store.items.get('portfolio-zh'), 'hans');
    await page.click();
    assert.equal(page.text(), written);
    assert.equal(page.html.getAttribute('lang'), 'zh-Hant');
    assert.equal(store.items.get('portfolio-zh'), 'hant');
  });

  test('an article written in Simplified goes to Traditional', async () => {
    const page = await open('posts/weibo-social-consumer/index.html', storage());
    const article = descendants(page.doc.body).find((e) => e.tagName === 'ARTICLE');
    assert.equal(article.getAttribute('lang'), 'zh-Hans');
    assert.match(page.text(), /微博营销与社会化消费者/);
    await page.click();  // the page is zh-Hant, so the first press goes to Simplified: no change here
    assert.match(page.text(), /微博营销与社会化消费者/);
    await page.click();
    assert.match(page.text(), /微博營銷與社會化消費者/);
    assert.equal(article.getAttribute('lang'), 'zh-Hant');
  });

  test('the choice is applied when the next page loads', async () => {
    const store = storage();
    const first = await open('posts/stp/index.html', store);
    await first.click();
    const next = await open('about/index.html', store);
    await waitFor(() => next.button.getAttribute('data-mode') === 'hans', { what: 'the stored choice' });
    assert.match(next.text(), /关于本站/);
    assert.equal(next.button.textContent, '繁');
  });
});
