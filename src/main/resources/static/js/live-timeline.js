// The incident's timeline, live: entries written by anyone, on any instance, arrive as
// server-sent events whose data is the entry's markup, and are appended without a reload. The
// browser reconnects by itself after the server closes the stream, sending the id of the last
// entry it received (Last-Event-ID), so nothing is missed; an entry already on the page (the
// note one just added through htmx) is not added twice.
(function () {
  'use strict';

  var page = document.querySelector('[data-live-timeline]');
  if (!page || !window.EventSource) { return; }

  function append(markup) {
    var template = document.createElement('template');
    template.innerHTML = markup.trim();
    var entry = template.content.firstElementChild;
    if (!entry || (entry.id && document.getElementById(entry.id))) { return; }
    var timeline = document.getElementById('timeline');
    if (!timeline) { return; }
    var list = timeline.querySelector('ol.entries');
    if (!list) {
      list = document.createElement('ol');
      list.className = 'entries';
      var empty = timeline.querySelector('.empty');
      if (empty) { empty.replaceWith(list); } else { timeline.querySelector('h2').after(list); }
    }
    list.appendChild(entry);
  }

  var source = new EventSource(page.dataset.liveTimeline);
  source.addEventListener('entry', function (event) { append(event.data); });
  source.addEventListener('open', function () { page.dataset.liveState = 'open'; });
  source.addEventListener('error', function () { page.dataset.liveState = 'reconnecting'; });
  window.addEventListener('pagehide', function () { source.close(); });
})();
