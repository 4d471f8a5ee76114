// The inbox's keys, as feed readers have them: j and k move between articles, o opens the focused one (which
// marks it read), s stars it, q quotes it. Keys typed into a field are the field's.
(function () {
  'use strict';
  function articles() {
    return Array.prototype.slice.call(document.querySelectorAll('.inbox-article'));
  }
  function current() {
    var focused = document.activeElement && document.activeElement.closest ? document.activeElement.closest('.inbox-article') : null;
    return focused;
  }
  function move(step) {
    var all = articles();
    if (!all.length) {
      return;
    }
    var at = all.indexOf(current());
    var next = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + step));
    all[next].focus();
    all[next].scrollIntoView({block: 'nearest'});
  }
  function press(selector) {
    var article = current();
    var target = article && article.querySelector(selector);
    if (target) {
      target.click();
    }
  }
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) {
      return;
    }
    var field = event.target && event.target.closest && event.target.closest('input, textarea, select, [contenteditable]');
    if (field) {
      return;
    }
    switch (event.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'o': press('a.open'); break;
      case 's': press('[data-key="s"]'); break;
      case 'q': press('[data-key="q"]'); break;
      default: return;
    }
    event.preventDefault();
  });
})();
