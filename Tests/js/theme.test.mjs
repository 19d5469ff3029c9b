// The article page's helpers (templates/assets/theme.js) on the demo's STP article as the
// portfolio binary builds it, in the fake DOM with a window whose scroll position and
// element boxes the test sets: the progress bar follows the text, back-to-top shows once
// scrolled, the TOC marks the section being read and a clicked link at once, folds on
// narrow screens, and the copy-link button copies the canonical address.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { Document, descendants, makeEvent, parseInto } from './dom.mjs';
import { buildSite, repoRoot, waitFor } from './harness.mjs';

const script = path.join(repoRoot, 'templates/assets/theme.js');
let site;
before(() => { site = buildSite(repoRoot); });
after(() => { if (site) fs.rmSync(site, { recursive: true, force: true }); });

// Opens the article with the window `width` wide; `tops` are the headings' distances
// from the top of the window, `box` the text's box.
function open({ width = 1280, clipboard = true } = {}) {
  const html = fs.readFileSync(path.join(site, 'posts/stp/index.html'), 'utf8');
  const main = /<main[\s\S]*?<\/main>/.exec(html)[0].replace(/<(img|hr|br|input)\b([^>]*?)\s*\/?>/g, '<$1$2 />');
  const doc = new Document();
  doc.documentElement = doc.createElement('html');
  parseInto(doc, doc.body, main + '<a class="to-top" id="to-top" href="#top">↑</a>');
  const listeners = {}, copied = [];
  const win = {
    document: doc, innerHeight: 800, pageYOffset: 0, console, setTimeout, Date,
    navigator: clipboard ? { clipboard: { writeText: async (t) => { copied.push(t); } } } : {},
    matchMedia: (q) => ({ matches: /max-width: 60rem/.test(q) && width <= 960 }),
    addEventListener: (type, fn) => { (listeners[type] = listeners[type] || []).push(fn); },
    requestAnimationFrame: (fn) => fn(),
  };
  win.window = win;
  const toc = doc.getElementById('toc');
  const links = toc.querySelectorAll('a');
  const heads = links.map((a) => doc.getElementById(decodeURIComponent(a.getAttribute('href').slice(1))));
  const content = doc.querySelector('div.content');
  const page = {
    doc, win, toc, links, heads, content, copied,
    at(y, tops, box = { top: -y, height: 2400 }) {
      win.pageYOffset = y;
      heads.forEach((h, i) => { h.getBoundingClientRect = () => ({ top: tops[i] }); });
      content.getBoundingClientRect = () => box;
      (listeners.scroll || []).forEach((fn) => fn());
    },
    marked: () => links.filter((a) => a.getAttribute('aria-current') === 'true').map((a) => a.textContent),
  };
  page.at(0, heads.map((_, i) => 300 + i * 500), { top: 100, height: 2400 });
  vm.createContext(win);
  vm.runInContext(fs.readFileSync(script, 'utf8'), win, { filename: script });
  return page;
}

describe('article helpers', () => {
  test('the page has what the script works on', () => {
    const page = open();
    assert.ok(page.links.length >= 3 && page.heads.every(Boolean), 'every TOC link has its heading');
    assert.ok(page.doc.querySelector('div.progress-bar'));
  });

  test('the progress bar follows the text', () => {
    const page = open();
    const bar = page.doc.querySelector('div.progress-bar');
    assert.equal(bar.style.transform, 'scaleX(0.0000)');
    page.at(800, page.heads.map(() => 0), { top: -800, height: 2400 });
    assert.equal(bar.style.transform, 'scaleX(0.5000)');
    page.at(5000, page.heads.map(() => 0), { top: -5000, height: 2400 });
    assert.equal(bar.style.transform, 'scaleX(1.0000)');
  });

  test('back to top shows once a screen is scrolled', () => {
    const page = open();
    const top = page.doc.getElementById('to-top');
    assert.equal(top.classList.contains('shown'), false);
    page.at(1200, page.heads.map(() => 0));
    assert.equal(top.classList.contains('shown'), true);
    page.at(10, page.heads.map(() => 500));
    assert.equal(top.classList.contains('shown'), false);
    assert.ok(page.doc.documentElement.classList.contains('js'));
  });

  test('the TOC marks the last heading that passed the top, and none above the first', () => {
    const page = open();
    assert.deepEqual(page.marked(), []);
    page.at(900, [-600, -100, 40, 700, 1300]);
    assert.deepEqual(page.marked(), [page.links[2].textContent]);
    page.at(0, [300, 800, 1300, 1800, 2300]);
    assert.deepEqual(page.marked(), []);
  });

  test('a clicked TOC link is marked at once, even before its heading reaches the top', () => {
    const page = open();
    page.links[4].dispatchEvent(makeEvent('click'));
    assert.deepEqual(page.marked(), [page.links[4].textContent]);
    page.at(3000, [-2000, -1500, -1000, -500, 300]);
    assert.deepEqual(page.marked(), [page.links[4].textContent], 'the jump that follows the click keeps the mark');
    assert.equal(page.toc.open, undefined, 'on a wide screen the TOC stays as it is');
  });

  test('on a narrow screen the TOC is folded, and folds again after a link is used', () => {
    const page = open({ width: 390 });
    assert.equal(page.toc.open, false);
    page.toc.open = true;
    page.links[1].dispatchEvent(makeEvent('click'));
    assert.equal(page.toc.open, false);
  });

  test('copy link copies the canonical address; without a clipboard the button stays hidden', async () => {
    const page = open();
    const button = page.doc.querySelector('button.copy-link');
    assert.equal(button.hidden, false);
    button.dispatchEvent(makeEvent('click'));
    await waitFor(() => page.copied.length === 1, { what: 'the copy' });
    assert.deepEqual(page.copied, ['https://example.org/posts/stp/']);
    await waitFor(() => button.textContent === '已複製', { what: 'the label' });
    const bare = open({ clipboard: false });
    assert.equal(descendants(bare.doc.body).find((e) => e.className === 'copy-link').hasAttribute('hidden'), true);
  });
});
