(function () {
  "use strict";
  if (!window.EventSource || window.__portfolioLive) return;
  window.__portfolioLive = true;
  var build = null, overlay = null;
  function hide() { if (overlay) { overlay.remove(); overlay = null; } }
  function show(errors) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "portfolio-error-overlay";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2em;" +
      "background:rgba(20,20,20,.93);color:#f3f3f3;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace";
    var title = document.createElement("h2");
    title.style.cssText = "margin:0 0 1em;color:#ff7b72;font-size:18px";
    title.textContent = "Build failed: " + errors.length + " error" + (errors.length === 1 ? "" : "s") +
      " (the last good build is still served)";
    overlay.appendChild(title);
    errors.forEach(function (e) {
      var p = document.createElement("pre");
      p.style.cssText = "white-space:pre-wrap;margin:0 0 1em;padding:1em;background:#2b1b1b;border-left:4px solid #ff7b72";
      var where = document.createElement("strong");
      where.textContent = (e.file || "") + (e.line ? ":" + e.line : "");
      p.appendChild(where);
      p.appendChild(document.createTextNode("\n" + e.message));
      overlay.appendChild(p);
    });
    (document.body || document.documentElement).appendChild(overlay);
  }
  function swapStylesheets() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    Array.prototype.forEach.call(links, function (link) {
      var next = link.cloneNode();
      next.href = link.href.replace(/[?&]portfolio-reload=\d+/, "") +
        (link.href.indexOf("?") < 0 ? "?" : "&") + "portfolio-reload=" + Date.now();
      next.onload = function () { link.remove(); };
      link.parentNode.insertBefore(next, link.nextSibling);
    });
  }
  var source = new EventSource("/__portfolio/events");
  source.addEventListener("hello", function (e) {
    var data = JSON.parse(e.data);
    if (build !== null && data.build !== build) { location.reload(); return; }
    build = data.build;
    if (data.errors && data.errors.length) show(data.errors); else hide();
  });
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("css", function (e) { build = JSON.parse(e.data).build; hide(); swapStylesheets(); });
  source.addEventListener("errors", function (e) { show(JSON.parse(e.data).errors); });
})();
