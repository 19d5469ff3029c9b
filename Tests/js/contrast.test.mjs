// Text contrast of the default theme, computed from templates/assets/style.css: every
// text colour (--fg, --muted, --accent) on every surface (--bg, --card, --code, --mark),
// and every rule that sets both a colour and a background from the palette, must reach
// 4.5:1 (WCAG AA for body text), in the light palette and in the dark one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './harness.mjs';

const css = fs.readFileSync(path.join(repoRoot, 'templates/assets/style.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

function palette(block) {
  const colours = {};
  for (const m of block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\b/g)) colours[m[1]] = m[2];
  return colours;
}
const light = palette(/:root\s*\{([^}]*)\}/.exec(css)[1]);
const darkBlock = /@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css);
const dark = { ...light, ...palette(darkBlock[1]) };

function rgb(hex) {
  let h = hex.slice(1);
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255);
}
function luminance(hex) {
  const [r, g, b] = rgb(hex).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

// Rules with both `color: var(--x)` and `background: var(--y)`.
function pairsInRules() {
  const pairs = [];
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const fg = /(?:^|;)\s*color:\s*var\(--([\w-]+)\)/.exec(m[2]), bg = /background(?:-color)?:\s*var\(--([\w-]+)\)/.exec(m[2]);
    if (fg && bg) pairs.push([m[1].trim(), fg[1], bg[1]]);
  }
  return pairs;
}

test('the contrast formula gives the known values', () => {
  assert.equal(contrast('#000', '#fff').toFixed(1), '21.0');
  assert.equal(contrast('#777', '#fff').toFixed(2), '4.48');
});

for (const [name, colours] of [['light', light], ['dark', dark]]) {
  test(`${name}: every text colour on every surface reaches 4.5:1`, () => {
    for (const text of ['fg', 'muted', 'accent']) {
      for (const surface of ['bg', 'card', 'code', 'mark']) {
        if (text !== 'fg' && surface === 'mark') continue;  // marks hold body text only
        const c = contrast(colours[text], colours[surface]);
        assert.ok(c >= 4.5, `${name} --${text} ${colours[text]} on --${surface} ${colours[surface]}: ${c.toFixed(2)}:1`);
      }
    }
  });
  test(`${name}: rules that set colour and background reach 4.5:1`, () => {
    const pairs = pairsInRules();
    assert.ok(pairs.length >= 2, 'the stylesheet has rules with both a colour and a background');
    for (const [selector, fg, bg] of pairs) {
      const c = contrast(colours[fg], colours[bg]);
      assert.ok(c >= 4.5, `${name} ${selector}: --${fg} on --${bg}: ${c.toFixed(2)}:1`);
    }
  });
}
