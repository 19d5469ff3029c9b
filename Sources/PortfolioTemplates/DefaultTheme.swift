/// The built-in theme: plain HTML and CSS that reads well in Chinese, light and dark,
/// no external requests, and no JavaScript needed to read.
enum DefaultTheme {
    static let templates: [String: String] = [
        "head": head, "foot": foot, "card": card, "pagination": pagination,
        "home": home, "article": article, "list": list, "terms": terms,
        "archives": archives, "search": search, "404": notFound,
    ]

    static let assets: [String: [UInt8]] = [
        "assets/style.css": Array(DefaultTheme.style.utf8),
        "assets/counter.js": Array(DefaultTheme.counterScript.utf8),
    ]

    static let head = #"""
    <!DOCTYPE html>
    <html lang="{{site.language}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{#page.title}}{{page.title}} · {{/page.title}}{{site.title}}</title>
    <meta name="description" content="{{page.description}}">
    <meta name="color-scheme" content="light dark">
    <meta name="portfolio-counter" content="{{site.counter_endpoint}}">
    <link rel="stylesheet" href="{{site.root}}assets/style.css">
    <link rel="alternate" type="application/atom+xml" title="{{site.title}}" href="{{site.root}}feed.xml">
    {{#page.canonical}}<link rel="canonical" href="{{page.canonical}}">{{/page.canonical}}
    </head>
    <body class="kind-{{page.kind}}">
    <header class="site-header">
    <div class="wrap">
    <a class="brand" href="{{site.root}}">{{site.title}}</a>
    <nav aria-label="網站導覽">
    <a href="{{site.root}}tags/">標籤</a>
    <a href="{{site.root}}categories/">分類</a>
    <a href="{{site.root}}archives/">彙整</a>
    <a href="{{site.root}}authors/">作者</a>
    </nav>
    <form class="search-box" action="{{site.root}}search/" method="get" role="search">
    <input type="search" name="q" placeholder="搜尋文章…" aria-label="搜尋文章">
    </form>
    </div>
    </header>
    <main class="wrap">

    """#

    static let foot = #"""
    </main>
    <footer class="site-footer">
    <div class="wrap">
    <p>© {{site.year}} {{site.author}} · <a href="{{site.root}}feed.xml">Atom 訂閱</a> · <a href="{{site.root}}search/">搜尋</a></p>
    </div>
    </footer>
    <script src="{{site.root}}assets/counter.js" defer></script>
    </body>
    </html>

    """#

    static let card = #"""
    <li class="card">
    <h2 class="card-title"><a href="{{url}}">{{title}}</a></h2>
    <p class="meta"><time datetime="{{date_iso}}">{{date_day}}</time> · {{author}}{{#category}} · {{name}}{{/category}} · 人氣(<span class="views" data-views-id="{{id}}">{{views}}</span>)</p>
    <p class="summary">{{summary}}</p>
    {{#has_tags}}<ul class="tags">{{#tags}}<li><a href="{{url}}">{{name}}</a></li>{{/tags}}</ul>{{/has_tags}}
    </li>

    """#

    static let pagination = #"""
    {{#pagination}}{{#has_pages}}
    <nav class="pagination" aria-label="分頁">
    {{#prev_url}}<a rel="prev" href="{{prev_url}}">‹ 上一頁</a>{{/prev_url}}
    {{#pages}}{{#gap}}<span class="gap">…</span>{{/gap}}{{#current}}<span aria-current="page">{{number}}</span>{{/current}}{{^current}}{{#url}}<a href="{{url}}">{{number}}</a>{{/url}}{{/current}}{{/pages}}
    {{#next_url}}<a rel="next" href="{{next_url}}">下一頁 ›</a>{{/next_url}}
    </nav>
    {{/has_pages}}{{/pagination}}

    """#

    static let home = #"""
    {{> head}}
    <div class="columns">
    <section class="main-column">
    <h1 class="page-title">{{#pagination.is_first}}最新文章{{/pagination.is_first}}{{^pagination.is_first}}最新文章 · 第 {{pagination.current}} 頁{{/pagination.is_first}}</h1>
    {{#site.description}}{{#pagination.is_first}}<p class="lead">{{site.description}}</p>{{/pagination.is_first}}{{/site.description}}
    <ol class="cards">
    {{#articles}}{{{rendered}}}{{/articles}}
    </ol>
    {{> pagination}}
    </section>
    {{#pagination.is_first}}
    <aside class="side-column">
    <h2>熱門文章</h2>
    <ol class="popular">
    {{#popular}}<li><a href="{{url}}">{{title}}</a> <span class="count">人氣(<span class="views" data-views-id="{{id}}">{{views}}</span>)</span></li>{{/popular}}
    </ol>
    <h2>標籤</h2>
    <p class="cloud">{{#tags}}<a class="w{{weight}}" href="{{url}}">{{name}}</a> {{/tags}}</p>
    </aside>
    {{/pagination.is_first}}
    </div>
    {{> foot}}
    """#

    static let article = #"""
    {{> head}}
    {{#article}}
    <article class="post" lang="{{language}}">
    <nav class="breadcrumb" aria-label="位置">位置: <a href="{{author_url}}">{{author}}</a>{{#category}} &gt; <a href="{{url}}">{{name}}</a>{{/category}}</nav>
    <h1 class="post-title">{{title}}</h1>
    <p class="meta">by <a href="{{author_url}}">{{author}}</a> <time datetime="{{date_iso}}">{{date_time}}</time>, 回應({{replies}}), 人氣(<span class="views" data-views-id="{{id}}">{{views}}</span>) · 約 {{reading_minutes}} 分鐘</p>
    {{#has_toc}}
    <nav class="toc" aria-label="目錄">
    <h2>目錄</h2>
    <ul>{{#toc}}<li class="toc-l{{level}}"><a href="#{{anchor}}">{{text}}</a></li>{{/toc}}</ul>
    </nav>
    {{/has_toc}}
    <div class="content">
    {{{content}}}
    </div>
    {{#has_tags}}<ul class="tags" aria-label="標籤">{{#tags}}<li><a href="{{url}}">{{name}}</a></li>{{/tags}}</ul>{{/has_tags}}
    {{#source}}<p class="source">原文連結:<a href="{{source}}" rel="noopener">{{source}}</a></p>{{/source}}
    </article>
    <nav class="prev-next" aria-label="上下篇">
    {{#older}}<a rel="prev" href="{{url}}">‹ {{title}}</a>{{/older}}
    {{#newer}}<a rel="next" href="{{url}}">{{title}} ›</a>{{/newer}}
    </nav>
    {{#has_related}}
    <section class="related">
    <h2>相關文章</h2>
    <ul>{{#related}}<li><a href="{{url}}">{{title}}</a> <time datetime="{{date_iso}}">{{date_day}}</time></li>{{/related}}</ul>
    </section>
    {{/has_related}}
    {{/article}}
    {{> foot}}
    """#

    static let list = #"""
    {{> head}}
    <h1 class="page-title">{{page.heading}}</h1>
    <p class="lead">{{page.lead}}</p>
    <ol class="cards">
    {{#articles}}{{{rendered}}}{{/articles}}
    </ol>
    {{> pagination}}
    {{> foot}}
    """#

    static let terms = #"""
    {{> head}}
    <h1 class="page-title">{{page.heading}}</h1>
    <p class="cloud big">{{#terms}}<a class="w{{weight}}" href="{{url}}">{{name}} <span class="count">({{count}})</span></a> {{/terms}}</p>
    {{> foot}}
    """#

    static let archives = #"""
    {{> head}}
    <h1 class="page-title">{{page.heading}}</h1>
    {{#years}}
    <section class="archive-year">
    <h2><a href="{{url}}">{{year}} 年</a> <span class="count">({{count}} 篇)</span></h2>
    {{#months}}
    <h3 id="{{anchor}}"><a href="{{url}}">{{month}} 月</a> <span class="count">({{count}})</span></h3>
    <ul class="archive-list">{{#articles}}<li><time datetime="{{date_iso}}">{{date_day}}</time> <a href="{{url}}">{{title}}</a></li>{{/articles}}</ul>
    {{/months}}
    </section>
    {{/years}}
    {{> foot}}
    """#

    static let search = #"""
    {{> head}}
    <h1 class="page-title">搜尋</h1>
    <div id="search" data-root="{{site.root}}">
    <form id="search-form" role="search" action="" method="get">
    <input id="search-input" type="search" name="q" autocomplete="off" placeholder="搜尋文章…" aria-label="搜尋文章">
    <select id="search-sort" name="sort" aria-label="排序"><option value="relevance">相關度</option><option value="date">日期</option><option value="views">人氣</option></select>
    </form>
    <div id="search-filters"></div>
    <p id="search-status" aria-live="polite"></p>
    <ol id="search-results"></ol>
    </div>
    <noscript><p>搜尋需要 JavaScript;也可以從<a href="{{site.root}}tags/">標籤</a>或<a href="{{site.root}}archives/">彙整</a>找文章。</p></noscript>
    <script src="{{site.root}}search/search.js" defer></script>
    {{> foot}}
    """#

    static let notFound = #"""
    {{> head}}
    <h1 class="page-title">找不到這一頁</h1>
    <p class="lead">這個網址沒有文章。試試<a href="{{site.root}}search/">搜尋</a>,或回到<a href="{{site.root}}">首頁</a>。</p>
    <ol class="cards">
    {{#articles}}{{{rendered}}}{{/articles}}
    </ol>
    {{> foot}}
    """#
}
