// The theme's counter script (templates/assets/counter.js) in a small fake page: it records
// one view of the article being read, with keepalive, reads every other id on the page in
// batches of 50 or fewer, shows the answers, and does nothing without an endpoint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { repoRoot, waitFor } from './harness.mjs';

const script = fs.readFileSync(path.join(repoRoot, 'templates/assets/counter.js'), 'utf8');

// A page with the article `post` (or none) and `cards` other counters; fetch answers
// every id with 1000 + its number.
function run({ endpoint = 'https://count.example.com/', post = 'stp', cards = 120 } = {}) {
  const span = (id, inPost) => ({ id, inPost, textContent: '7', getAttribute: (name) => (name === 'data-views-id' ? id : null) });
  const spans = [];
  if (post) spans.push(span(post, true));
  for (let i = 0; i < cards; i++) spans.push(span(`card-${i}`, false));
  spans.push(span('card-1', false));  // the same article twice on one page
  const calls = [];
  const number = (id) => 1000 + (Number(id.replace(/\D/g, '')) || 0);
  const document = {
    querySelector(selector) {
      if (selector === 'meta[name="portfolio-counter"]') return endpoint === null ? null : { content: endpoint };
      if (selector === 'article.post [data-views-id]') return spans.find((s) => s.inPost) || null;
      throw new Error('unexpected selector ' + selector);
    },
    querySelectorAll(selector) {
      assert.equal(selector, '[data-views-id]');
      return spans;
    },
  };
  const fetch = async (url, options = {}) => {
    calls.push({ url, options });
    const parsed = new URL(url);
    let body;
    if (options.method === 'POST') {
      const id = decodeURIComponent(parsed.pathname.split('/').pop());
      body = { id, views: number(id) };
    } else {
      body = Object.fromEntries(parsed.searchParams.get('ids').split(',').map((id) => [id, number(id)]));
    }
    return { ok: true, json: async () => body };
  };
  vm.runInNewContext(script, { document, window: { fetch }, fetch, encodeURIComponent });
  return { calls, spans };
}

test('records one view of the article, with keepalive', async () => {
  const { calls, spans } = run();
  await waitFor(() => spans[0].textContent === '1000', { what: 'the article count' });
  const posts = calls.filter((c) => c.options.method === 'POST');
  assert.equal(posts.length, 1);
  assert.equal(posts[0].url, 'https://count.example.com/views/stp');
  assert.equal(posts[0].options.keepalive, true);
});

test('reads the other ids in batches of 50 or fewer and shows them', async () => {
  const { calls, spans } = run();
  await waitFor(() => spans.every((s) => s.textContent !== '7'), { what: 'every count shown' });
  const reads = calls.filter((c) => c.options.method !== 'POST');
  const asked = reads.flatMap((c) => new URL(c.url).searchParams.get('ids').split(','));
  assert.ok(reads.every((c) => new URL(c.url).searchParams.get('ids').split(',').length <= 50));
  assert.equal(reads.length, 3);
  assert.deepEqual([...asked].sort(), Array.from({ length: 120 }, (_, i) => `card-${i}`).sort());
  assert.equal(spans.find((s) => s.id === 'card-42').textContent, '1042');
});

test('a list page only reads', async () => {
  const { calls, spans } = run({ post: null, cards: 10 });
  await waitFor(() => spans.every((s) => s.textContent !== '7'), { what: 'every count shown' });
  assert.ok(calls.every((c) => c.options.method !== 'POST'));
});

test('does nothing without an endpoint', async () => {
  for (const endpoint of [null, '']) {
    const { calls } = run({ endpoint });
    await new Promise((done) => setTimeout(done, 20));
    assert.equal(calls.length, 0);
  }
});
