// The article page's helpers: the reading-progress bar, the back-to-top link, the table
// of contents marking the section being read (and folded on narrow screens), and the
// copy-link button. Everything here is an extra: without it the page reads the same,
// the TOC is open and its links jump, and back-to-top is a plain link.
(function () {
  'use strict';
  var doc = document, win = window;
  var bar = doc.querySelector('.progress-bar'), toTop = doc.getElementById('to-top');
  var toc = doc.getElementById('toc'), content = doc.querySelector('.content');
  var links = toc ? Array.prototype.slice.call(toc.querySelectorAll('a')) : [];
  var heads = links.map(function (a) {
    var id = a.getAttribute('href').slice(1);
    try { id = decodeURIComponent(id); } catch (e) { /* an id with a stray %: as written */ }
    return doc.getElementById(id);
  });
  var clicked = 0, queued = false;
  doc.documentElement.classList.add('js');

  // Marks the TOC link of heading `i` (or none) with aria-current.
  function mark(i) {
    links.forEach(function (a, k) {
      if (k === i) a.setAttribute('aria-current', 'true'); else a.removeAttribute('aria-current');
    });
  }
  // The last heading whose top has passed a line near the top of the window.
  function current() {
    var at = -1;
    heads.forEach(function (h, i) { if (h && h.getBoundingClientRect().top <= 96) at = i; });
    return at;
  }
  function update() {
    queued = false;
    var y = win.pageYOffset || 0;
    if (bar && content) {
      var box = content.getBoundingClientRect(), span = box.height - win.innerHeight;
      var p = span > 0 ? Math.min(1, Math.max(0, -box.top / span)) : 1;
      bar.style.transform = 'scaleX(' + p.toFixed(4) + ')';
    }
    if (toTop) toTop.classList.toggle('shown', y > win.innerHeight);
    if (links.length && Date.now() - clicked > 600) mark(current());
  }
  function later() {
    if (!queued) { queued = true; (win.requestAnimationFrame || setTimeout)(update); }
  }

  links.forEach(function (a, i) {
    a.addEventListener('click', function () {
      clicked = Date.now();
      mark(i);
      if (narrow() && toc) toc.open = false;
    });
  });
  function narrow() { return !!(win.matchMedia && win.matchMedia('(max-width: 60rem)').matches); }
  if (toc && narrow()) toc.open = false;

  var copy = doc.querySelector('.copy-link');
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener('click', function () {
      navigator.clipboard.writeText(copy.getAttribute('data-url')).then(function () {
        copy.textContent = '已複製';
        setTimeout(function () { copy.textContent = '複製連結'; }, 2000);
      }, function () { copy.textContent = '無法複製'; });
    });
  }

  win.addEventListener('scroll', later, { passive: true });
  win.addEventListener('resize', later);
  update();
})();
