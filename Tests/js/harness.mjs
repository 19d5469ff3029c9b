// Builds the fixture site with the portfolio binary and opens its search page in a
// node:vm context with a fake DOM, a fetch over the built folder and counted timers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { Document, descendants, makeEvent, parseInto } from './dom.mjs';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixture = path.join(repoRoot, 'Tests/Fixtures/search-site');
export const sourceScript = path.join(repoRoot, 'templates/search.js');

export function portfolioBinary() {
  const bin = process.env.PORTFOLIO_BIN || path.join(repoRoot, '.build/debug/portfolio');
  if (!fs.existsSync(bin)) {
    throw new Error(`portfolio binary not found at ${bin}: build it (swift build) or set PORTFOLIO_BIN`);
  }
  return bin;
}

export function buildSite(source = fixture) {
  const bin = portfolioBinary();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'portfolio-search-js-'));
  const r = spawnSync(bin, ['build', '--source', source, '--output', out], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(`${bin} build failed (${r.error || 'exit ' + r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return out;
}

// The theme's search block, from the built page, so the fake page has the real markup.
export function searchMarkup(site) {
  const html = fs.readFileSync(path.join(site, 'search/index.html'), 'utf8');
  const m = /<div id="search"[\s\S]*?<\/ol>\s*<\/div>/.exec(html);
  if (!m) throw new Error('search/index.html has no <div id="search">…</ol></div> block');
  return m[0];
}

// `fail(path)` may give a status (e.g. 500) for a path relative to the site root.
function fakeFetch(site, root, log, fail) {
  return async (url) => {
    const u = String(url);
    log.push(u);
    const rel = u.startsWith(root) ? u.slice(root.length) : null;
    const failed = rel && fail && fail(rel);
    if (failed) return { ok: false, status: failed, json: async () => null, arrayBuffer: async () => new ArrayBuffer(0) };
    const file = rel && !rel.includes('..') ? path.join(site, rel) : null;
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return { ok: false, status: 404, json: async () => { throw new Error('404'); }, arrayBuffer: async () => new ArrayBuffer(0) };
    }
    const bytes = fs.readFileSync(file);
    return {
      ok: true, status: 200,
      json: async () => JSON.parse(bytes.toString('utf8')),
      arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    };
  };
}

// Browser-like timers whose pending count tells when the page has nothing left to do.
function timers(errors) {
  const pending = new Map();
  let next = 1;
  return {
    pending,
    setTimeout(fn, ms) {
      const id = next++;
      pending.set(id, setTimeout(() => {
        pending.delete(id);
        try { fn(); } catch (e) { errors.push(e); }
      }, ms));
      return id;
    },
    clearTimeout(id) {
      if (!pending.has(id)) return;
      clearTimeout(pending.get(id));
      pending.delete(id);
    },
  };
}

export async function waitFor(predicate, { timeout = 3000, what = 'condition' } = {}) {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

// Opens the search page at `search` (e.g. '?q=stp') running `script` (a path).
export async function openPage({ site, script, search = '', fail = null }) {
  const doc = new Document();
  parseInto(doc, doc.body, searchMarkup(site));
  const box = doc.getElementById('search');
  const root = box.getAttribute('data-root');
  const fetched = [], errors = [], urls = [];
  const clock = timers(errors);
  const location = { pathname: root + 'search/', search, hash: '' };
  const history = {
    replaceState(state, title, url) {
      urls.push(url);
      const u = new URL(url, 'https://example.org');
      location.pathname = u.pathname;
      location.search = u.search;
      location.hash = u.hash;
    },
  };
  const context = {
    document: doc, location, history, fetch: fakeFetch(site, root, fetched, fail),
    TextDecoder, TextEncoder, URLSearchParams, performance, console,
    setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout,
  };
  context.window = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(script, 'utf8'), context, { filename: script });
  const page = new Page(doc, clock, { fetched, errors, urls, location, root });
  await page.settled();
  return page;
}

class Page {
  constructor(doc, clock, record) {
    this.doc = doc;
    this.clock = clock;
    Object.assign(this, record);
  }
  el(id) { return this.doc.getElementById(id); }
  get state() { return this.el('search').getAttribute('data-state'); }
  get status() { return this.el('search-status').textContent; }
  get total() { return Number(this.el('search').getAttribute('data-total')); }
  // Results with every word of the query (the rest are partial and come after them).
  get full() { return Number(this.el('search').getAttribute('data-full')); }
  // The "did you mean" words, when the query found nothing.
  suggestions() {
    const line = this.el('search-suggest');
    return line ? line.querySelectorAll('a').map((a) => a.textContent) : [];
  }

  // Nothing scheduled and not loading: every fetch of the last query has been used.
  async settled() {
    await waitFor(() => this.clock.pending.size === 0 && this.state !== 'loading', { what: 'the search to settle' });
    if (this.errors.length) throw this.errors[0];
  }
  // Types the whole query at once, as an input event (the script debounces these).
  async type(q) {
    this.el('search-input').value = q;
    this.el('search-input').dispatchEvent(makeEvent('input'));
    await this.settled();
  }
  async submit(q) {
    if (q !== undefined) this.el('search-input').value = q;
    const event = makeEvent('submit');
    this.el('search-form').dispatchEvent(event);
    await this.settled();
    return event;
  }
  async choose(id, value) {
    const select = this.el(id);
    select.value = value;
    if (select.value !== value) throw new Error(`#${id} has no option ${value}`);
    select.dispatchEvent(makeEvent('change'));
    await this.settled();
  }
  // The results as a reader sees them: titles, links, meta, snippet text and marks.
  results() {
    return this.el('search-results').children.map((li) => {
      const title = li.querySelector('a.search-title'), snippet = li.querySelector('p.search-snippet');
      return {
        title: title.textContent,
        href: title.href,
        slug: /posts\/([^/]+)\//.exec(title.href)?.[1],
        titleMarks: title.querySelectorAll('mark').map((m) => m.textContent),
        date: li.querySelector('time')?.textContent,
        tags: li.querySelectorAll('span.search-tag').map((s) => s.textContent),
        snippet: snippet ? snippet.textContent : '',
        snippetMarks: snippet ? snippet.querySelectorAll('mark').map((m) => m.textContent) : [],
        partial: li.className.split(/\s+/).includes('search-partial'),
      };
    });
  }
  slugs() { return this.results().map((r) => r.slug); }
  // Files fetched so far, relative to the site's search/ folder.
  searchFiles() { return this.fetched.map((u) => u.slice((this.root + 'search/').length)); }
  key(element, key) {
    const event = makeEvent('keydown', { key });
    element.dispatchEvent(event);
    return event;
  }
  elementsUnder(id) { return descendants(this.el(id)); }
}
