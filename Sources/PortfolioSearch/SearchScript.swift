import PortfolioTemplates

/// `search.js`: the search page script. Hand-written, no framework, no external request.
///
/// It works with the markup of the theme's `/search/index.html` (`#search[data-root]`,
/// `#search-form`, `#search-input`, `#search-sort`, `#search-filters`, `#search-status`,
/// `#search-results`) and mirrors `SearchQuery`: same normalisation (NFKC, lower case,
/// `fold.json`), tokens, synonym variants, match sets, scores, phrase check and snippets.
/// Content only ever reaches the page through `textContent` and text nodes.
enum SearchScript {
    /// The script without comments, indentation or blank lines, and without spaces that
    /// separate nothing. Line breaks stay (so automatic semicolon insertion cannot change
    /// meaning); string and regular-expression literals are copied as they are.
    static var minified: String { ScriptMinifier.minify(source) }

    /// The whole script, kept in one file per concern. Each part is a stretch of the one
    /// function the script is, so only the joined whole is valid JavaScript.
    static let source = [setup, text, index, ranking, snippets, page].joined(separator: "\n")

    /// The start of the script: the files, small helpers and shared state.
    static let setup = #"""
// portfolio search: static, Chinese-aware. Files: ./manifest.json, ./fold.json,
// ./shards/<hex>.bin, ./docs/<n / docChunk>.json, ./facets/<t|c><i>.bin, ./views.bin
(function () {
  'use strict';
  function $(id) { return document.getElementById(id); }
  var box = $('search');
  if (!box || !window.fetch || !window.TextDecoder) return;
  var root = box.getAttribute('data-root') || '/';
  if (root.slice(-1) !== '/') root += '/';
  var dir = root + 'search/';
  var form = $('search-form'), input = $('search-input'), sortSel = $('search-sort');
  var filters = $('search-filters'), status = $('search-status'), list = $('search-results');
  function dict() { return Object.create(null); }
  var PAGE = 10, files = dict(), shardMaps = dict(), terms = dict(), M = null, FOLD = dict(), SYN = dict(), SYNMAX = 0;
  var tagSel = null, catSel = null, run = 0, timer = 0, more = null;
  var WORD = /[\p{L}\p{N}]/u;

  function load(path, bin) {
    if (!files[path]) files[path] = fetch(dir + path).then(function (r) {
      if (!r.ok) { if (r.status === 404) return null; throw new Error(r.status + ' ' + path); }
      return bin ? r.arrayBuffer().then(function (b) { return new Uint8Array(b); }) : r.json();
    });
    return files[path];
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function str(cps) { return String.fromCodePoint.apply(null, cps); }
  function cps(s) { return Array.from(s, function (c) { return c.codePointAt(0); }); }

"""#
}
