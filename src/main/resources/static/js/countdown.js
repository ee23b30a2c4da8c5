// Keeps every countdown on the page moving: "due in 4:32", "overdue by 2:10". The due instant
// comes from the server, and so does "now" (data-server-now on the enclosing panel): the offset
// between the server's clock and this computer's is taken when the panel arrives, so a computer
// whose clock is wrong still counts down right. No build step, no dependency.
(function () {
  'use strict';

  function span(ms) {
    var seconds = Math.floor(ms / 1000);
    var days = Math.floor(seconds / 86400);
    var hours = Math.floor((seconds % 86400) / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = seconds % 60;
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    if (days > 0) { return days + 'd ' + hours + ':' + two(minutes) + ':' + two(rest); }
    return hours > 0 ? hours + ':' + two(minutes) + ':' + two(rest) : minutes + ':' + two(rest);
  }

  function offset(panel) {
    if (panel.dataset.offset === undefined) {
      panel.dataset.offset = String(Number(panel.dataset.serverNow) - Date.now());
    }
    return Number(panel.dataset.offset);
  }

  function tick() {
    document.querySelectorAll('.countdown[data-due]').forEach(function (element) {
      var panel = element.closest('[data-server-now]');
      if (!panel) { return; }
      var now = Date.now() + offset(panel);
      var left = Number(element.dataset.due) - now;
      element.textContent = left >= 0 ? 'due in ' + span(left) : 'overdue by ' + span(-left);
      var obligation = element.closest('.obligation');
      var soon = Number(panel.dataset.dueSoon);
      if (obligation && obligation.className.indexOf('state-met') < 0 && obligation.className.indexOf('state-waived') < 0) {
        var state = left < 0 ? 'overdue' : (soon && left <= soon ? 'due_soon' : null);
        if (state && !obligation.classList.contains('state-' + state)) {
          obligation.classList.remove('state-pending', 'state-due_soon');
          obligation.classList.add('state-' + state);
        }
      }
    });
  }

  // A panel refreshes itself only while nobody is using it: nothing focused or typed in it, no
  // "set aside" opened. Called from its hx-trigger filter.
  window.firebreakQuiet = function (panel) {
    if (panel.contains(document.activeElement) && document.activeElement !== document.body) { return false; }
    if (panel.querySelector('details[open]')) { return false; }
    var fields = panel.querySelectorAll('textarea, input[type=text]');
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].value !== fields[i].defaultValue) { return false; }
    }
    return true;
  };

  tick();
  setInterval(tick, 1000);
})();
