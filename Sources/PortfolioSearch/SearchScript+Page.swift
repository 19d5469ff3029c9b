extension SearchScript {
    /// The page: state in the URL, filters, results, more, keyboard.
    static let page = #"""
  // The page: state in the URL, filters, results, more, keyboard.
  function state() {
    return {
      q: input.value, sort: sortSel && sortSel.value || 'relevance',
      tag: tagSel ? tagSel.value : '', cat: catSel ? catSel.value : ''
    };
  }
  function setURL(st) {
    var p = new URLSearchParams();
    if (st.q) p.set('q', st.q);
    if (st.sort && st.sort !== 'relevance') p.set('sort', st.sort);
    if (st.tag) p.set('tag', st.tag);
    if (st.cat) p.set('category', st.cat);
    var s = p.toString();
    history.replaceState(null, '', location.pathname + (s ? '?' + s : '') + location.hash);
  }
  function facet(kind, name) {
    var listed = kind === 't' ? M.tags : M.categories;
    for (var i = 0; i < listed.length; i++) if (listed[i][0] === name) return i;
    var key = str(fold(name.normalize('NFKC')));
    for (i = 0; i < listed.length; i++) if (str(fold(listed[i][0].normalize('NFKC'))) === key) return i;
    return -1;
  }
  function say(text, st) { status.textContent = text; box.setAttribute('data-state', st); }
  function go() {
    clearTimeout(timer);
    if (!M) return;
    var st = state(), my = ++run, t0 = performance.now(), P = parse(st.q), jobs = [], fsets = [];
    [['t', st.tag], ['c', st.cat]].forEach(function (f) {
      if (!f[1]) return;
      var i = facet(f[0], f[1]);
      if (i < 0) { fsets.push(words()); return; }
      var path = 'facets/' + f[0] + i + '.bin';
      jobs.push(load(path, 1).then(function (b) { var s = words(); if (b) readSet({ b: b, o: 0 }, -1, s); fsets.push(s); }));
    });
    if (!P.segs.length && !jobs.length && !fsets.length) {
      list.textContent = ''; if (more) more.hidden = true;
      say('', 'idle');
      setURL(st);
      return;
    }
    P.segs.forEach(function (vs) { vs.forEach(function (v) { v.forEach(function (tok) { tok.a.forEach(function (a) {
      var t = a[0];
      if (!(t in terms)) jobs.push(shard(t).then(function (map) { if (!(t in terms)) terms[t] = map[t] ? term(map[t]) : null; }));
    }); }); }); });
    var views = null;
    if (st.sort === 'views') jobs.push(load('views.bin', 1).then(function (b) {
      views = new Uint32Array(M.docs);
      for (var r = { b: b || [], o: 0 }, d = 0; b && d < M.docs; d++) views[d] = vi(r);
    }));
    say('搜尋中…', 'loading');
    Promise.all(jobs).then(function () {
      if (my !== run) return;
      var t1 = performance.now(), order = evaluate(P, fsets, st.sort, views);
      box.setAttribute('data-ms-rank', (performance.now() - t1).toFixed(1));
      show(my, order, P, 0, t0, st);
    }).catch(function () { if (my === run) { say('搜尋索引載入失敗，請稍後再試。', 'error'); setURL(st); } });
  }
  function show(my, order, P, from, t0, st) {
    var ids = order.slice(from, from + PAGE);
    var chunk = M.docChunk || 1;
    return Promise.all(ids.map(function (d) {
      return load('docs/' + Math.floor(d / chunk) + '.json').then(function (c) { return c && c[d % chunk]; });
    })).then(function (docs) {
      if (my !== run) return;
      if (!from) list.textContent = '';
      docs.forEach(function (doc, k) { if (doc) list.appendChild(item(doc, P.nd, from + k)); });
      var q = input.value.trim();
      say(order.length ? '找到 ' + order.length + ' 篇文章' + (q ? '（' + q + '）' : '') :
        (q ? '找不到符合「' + q + '」的文章' : '沒有符合條件的文章'), 'done');
      box.setAttribute('data-total', order.length);
      if (!more) {
        more = el('button', 'search-more', '更多結果');
        more.type = 'button';
        list.parentNode.insertBefore(more, list.nextSibling);
      }
      more.hidden = from + PAGE >= order.length;
      more.onclick = function () { show(my, order, P, from + PAGE, performance.now(), st); };
      box.setAttribute('data-ms', (performance.now() - t0).toFixed(1));
      if (!from) setURL(st);
    }).catch(function () { if (my === run) say('搜尋索引載入失敗，請稍後再試。', 'error'); });
  }
  function selectBox(id, label, items, value, kind) {
    if (!items.length) return null;
    var s = el('select');
    s.id = id; s.name = kind === 't' ? 'tag' : 'category';
    s.setAttribute('aria-label', label);
    s.appendChild(el('option', null, label)).value = '';
    items.forEach(function (it) { s.appendChild(el('option', null, it[0] + ' (' + it[1] + ')')).value = it[0]; });
    var i = value ? facet(kind, value) : -1;
    s.value = i >= 0 ? items[i][0] : '';
    s.addEventListener('change', go);
    filters.appendChild(s);
    return s;
  }
  function nav(e) {
    var links = list.querySelectorAll('a.search-title');
    var i = Array.prototype.indexOf.call(links, document.activeElement);
    if (e.key === 'ArrowDown') i = Math.min(i + 1, links.length - 1);
    else if (e.key === 'ArrowUp') { if (i <= 0) { if (i === 0) { input.focus(); e.preventDefault(); } return; } i--; }
    else return;
    if (links[i]) { links[i].focus(); e.preventDefault(); }
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  var sortWanted = params.get('sort');
  if (sortSel && sortWanted && /^(relevance|date|views)$/.test(sortWanted)) sortSel.value = sortWanted;
  form.addEventListener('submit', function (e) { e.preventDefault(); go(); });
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(go, 150); });
  if (sortSel) sortSel.addEventListener('change', go);
  input.addEventListener('keydown', nav);
  list.addEventListener('keydown', nav);
  say('', 'loading');
  Promise.all([load('manifest.json'), load('fold.json')]).then(function (r) {
    M = r[0];
    var f = Array.from(r[1] || '');
    for (var i = 0; i + 1 < f.length; i += 2) FOLD[f[i]] = f[i + 1];
    M.synonyms.forEach(function (g, k) {
      g.forEach(function (m) { (SYN[m] = SYN[m] || []).push(k); SYNMAX = Math.max(SYNMAX, cps(m).length); });
    });
    tagSel = selectBox('search-tag', '所有標籤', M.tags, params.get('tag'), 't');
    catSel = selectBox('search-category', '所有分類', M.categories, params.get('category'), 'c');
    go();
  }).catch(function () { say('搜尋索引載入失敗，請稍後再試。', 'error'); });
})();
"""#
}
