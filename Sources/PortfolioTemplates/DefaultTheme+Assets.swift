extension DefaultTheme {
    /// The stylesheet: system Chinese font stacks, a comfortable measure and line height,
    /// light and dark schemes, one column on narrow screens.
    static let style = #"""
    :root {
      --bg: #fbfaf7; --fg: #222; --muted: #6b6b6b; --line: #e4e1da; --accent: #a4452c;
      --card: #fff; --mark: #fff1b8; --code: #f3f1ec;
      --sans: "PingFang TC", "Noto Sans TC", "Noto Sans CJK TC", "Microsoft JhengHei", "PingFang SC", "Noto Sans SC", "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif;
      --serif: "Noto Serif TC", "Noto Serif CJK TC", "Songti TC", "Noto Serif SC", "Noto Serif CJK SC", serif;
    }
    @media (prefers-color-scheme: dark) {
      :root { --bg: #18181a; --fg: #e6e3dc; --muted: #a09c94; --line: #34332f; --accent: #f08d6e;
              --card: #1f1f22; --mark: #5a4a12; --code: #26262a; }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--bg); color: var(--fg); font: 17px/1.85 var(--sans);
           text-rendering: optimizeLegibility; word-wrap: break-word; overflow-wrap: anywhere; }
    :lang(zh-Hans) { font-family: "PingFang SC", "Noto Sans SC", "Noto Sans CJK SC", "Microsoft YaHei", var(--sans); }
    a { color: var(--accent); text-decoration: none; }
    a:hover, a:focus { text-decoration: underline; }
    .wrap { max-width: 68rem; margin: 0 auto; padding: 0 1.25rem; }
    .site-header { border-bottom: 1px solid var(--line); background: var(--card); }
    .site-header .wrap { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.25rem; padding-top: .75rem; padding-bottom: .75rem; }
    .brand { font-weight: 700; font-size: 1.15rem; color: var(--fg); letter-spacing: .05em; }
    .site-header nav { display: flex; gap: 1rem; flex: 1; }
    .site-header nav a { color: var(--muted); }
    .search-box input, #search-input, #search-sort { font: inherit; font-size: .95rem; padding: .3rem .6rem; border: 1px solid var(--line);
           border-radius: .4rem; background: var(--bg); color: var(--fg); }
    .search-box input { width: 12rem; }
    main.wrap { padding-top: 1.5rem; padding-bottom: 3rem; }
    .page-title { font-size: 1.6rem; line-height: 1.4; margin: .5rem 0 1rem; }
    .lead { color: var(--muted); margin-top: -.5rem; }
    .columns { display: grid; grid-template-columns: minmax(0, 1fr) 17rem; gap: 2.5rem; }
    .cards { list-style: none; padding: 0; margin: 0; }
    .card { padding: 1rem 0 1.1rem; border-bottom: 1px solid var(--line); }
    .card-title { font-size: 1.2rem; line-height: 1.5; margin: 0 0 .2rem; }
    .card-title a { color: var(--fg); }
    .meta { color: var(--muted); font-size: .88rem; margin: .2rem 0; }
    .summary { margin: .3rem 0; }
    .tags { list-style: none; padding: 0; margin: .4rem 0 0; display: flex; flex-wrap: wrap; gap: .4rem; }
    .tags a { display: inline-block; font-size: .82rem; padding: 0 .6rem; border: 1px solid var(--line); border-radius: 1rem; color: var(--muted); }
    .side-column h2 { font-size: 1rem; margin: 1rem 0 .5rem; border-bottom: 2px solid var(--accent); display: inline-block; }
    .popular { padding-left: 1.2rem; margin: 0; font-size: .95rem; }
    .count { color: var(--muted); font-size: .8rem; }
    .cloud { line-height: 2.2; }
    .cloud a { margin-right: .35rem; white-space: nowrap; }
    .cloud .w1 { font-size: .85rem; } .cloud .w2 { font-size: .95rem; } .cloud .w3 { font-size: 1.05rem; }
    .cloud .w4 { font-size: 1.2rem; } .cloud .w5 { font-size: 1.35rem; font-weight: 600; }
    .cloud.big { font-size: 1.05rem; }
    .post { max-width: 44rem; }
    .breadcrumb { font-size: .88rem; color: var(--muted); }
    .post-title { font-size: 1.85rem; line-height: 1.45; margin: .4rem 0; letter-spacing: .02em; }
    .content { font-size: 1.05rem; }
    .content h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; line-height: 1.5; }
    .content h3 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; }
    .content p { margin: .9rem 0; text-align: justify; }
    .content blockquote { margin: 1rem 0; padding: .2rem 1rem; border-left: 4px solid var(--line); color: var(--muted); }
    .content code { background: var(--code); padding: .1rem .3rem; border-radius: .25rem; font-size: .9em; }
    .content pre { background: var(--code); padding: .8rem 1rem; overflow-x: auto; border-radius: .4rem; line-height: 1.5; }
    .content pre code { background: none; padding: 0; }
    .content img { max-width: 100%; height: auto; }
    .content table { border-collapse: collapse; width: 100%; margin: 1.2rem 0; font-size: .95rem; display: block; overflow-x: auto; }
    .content th, .content td { border: 1px solid var(--line); padding: .45rem .7rem; text-align: left; vertical-align: top; }
    .content th { background: var(--code); white-space: nowrap; }
    .content .footnotes { font-size: .9rem; color: var(--muted); border-top: 1px solid var(--line); margin-top: 2rem; }
    .content h2[id], .content h3[id] { scroll-margin-top: 1rem; }
    .toc { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .4rem 1.1rem; margin: 1rem 0; font-size: .95rem; }
    .toc h2 { font-size: 1rem; margin: .3rem 0; }
    .toc ul { margin: 0 0 .4rem; padding-left: 0; list-style: none; }
    .toc .toc-l3 { margin-left: 1.2rem; } .toc .toc-l4 { margin-left: 2.4rem; }
    .toc .toc-l3::before, .toc .toc-l4::before { content: "·"; color: var(--muted); margin-right: .4rem; }
    .source { font-size: .9rem; color: var(--muted); }
    .prev-next { display: flex; justify-content: space-between; gap: 1rem; max-width: 44rem; margin: 2rem 0 1rem; padding-top: 1rem; border-top: 1px solid var(--line); }
    .prev-next a[rel=next] { margin-left: auto; text-align: right; }
    .related h2 { font-size: 1.1rem; }
    .pagination { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1.5rem 0; }
    .pagination a, .pagination span { padding: .1rem .7rem; border: 1px solid var(--line); border-radius: .3rem; }
    .pagination span[aria-current] { background: var(--accent); color: var(--bg); border-color: var(--accent); }
    .pagination .gap { border: none; color: var(--muted); }
    .archive-year h2 { font-size: 1.3rem; }
    .archive-year h3 { font-size: 1rem; color: var(--muted); margin: .8rem 0 .2rem; }
    .archive-list { list-style: none; padding: 0; margin: 0; }
    .archive-list time { color: var(--muted); font-size: .88rem; margin-right: .5rem; font-variant-numeric: tabular-nums; }
    #search-form { display: flex; gap: .5rem; }
    #search-input { flex: 1; font-size: 1.05rem; }
    #search-results { padding-left: 1.2rem; }
    #search-results li[aria-selected=true] { outline: 2px solid var(--accent); outline-offset: 4px; }
    mark { background: var(--mark); color: inherit; padding: 0 .1rem; }
    .site-footer { border-top: 1px solid var(--line); color: var(--muted); font-size: .88rem; }
    @media (max-width: 760px) {
      body { font-size: 16px; }
      .columns { grid-template-columns: 1fr; gap: 1rem; }
      .search-box { width: 100%; } .search-box input { width: 100%; }
      .post-title { font-size: 1.5rem; }
    }
    @media print { .site-header, .site-footer, .prev-next, .related, .search-box { display: none; } }

    """#

    /// Records a view and shows live counts when `counter.endpoint` is set; without an
    /// endpoint it does nothing, and the baseline numbers in the page stay.
    static let counterScript = #"""
    (function () {
      "use strict";
      var meta = document.querySelector('meta[name="portfolio-counter"]');
      var endpoint = meta && meta.content.replace(/\/+$/, "");
      if (!endpoint || !window.fetch) return;
      var spans = document.querySelectorAll("[data-views-id]");
      var ids = [];
      spans.forEach(function (s) { var id = s.getAttribute("data-views-id"); if (ids.indexOf(id) < 0) ids.push(id); });
      function show(counts) {
        spans.forEach(function (s) {
          var n = counts[s.getAttribute("data-views-id")];
          if (typeof n === "number") s.textContent = String(n);
        });
      }
      var post = document.querySelector("article.post [data-views-id]");
      var first = post ? fetch(endpoint + "/views/" + encodeURIComponent(post.getAttribute("data-views-id")), { method: "POST" })
        .then(function (r) { return r.ok ? r.json() : null; }).then(function (j) { if (j) { var c = {}; c[j.id] = j.views; show(c); } })
        : Promise.resolve();
      var others = ids.filter(function (id) { return !post || id !== post.getAttribute("data-views-id"); });
      first.catch(function () {}).then(function () {
        for (var i = 0; i < others.length; i += 50) {
          var batch = others.slice(i, i + 50).map(encodeURIComponent).join(",");
          fetch(endpoint + "/views?ids=" + batch).then(function (r) { return r.ok ? r.json() : {}; }).then(show).catch(function () {});
        }
      });
    })();

    """#
}
