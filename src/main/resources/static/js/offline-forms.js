// Offline-tolerant forms (the audit conduct page, the field-service on-site page): each form.answer or
// form[data-offline] is sent on its own with fetch. When the network is down the answer waits in localStorage and is
// sent again when the browser is back online (or the page is opened again); #unsent shows how many wait. An answer
// the server refused (4xx, its text the reason) is not kept: the reason shows in #offline-refused.
// The queue's key: data-queue on the script tag (default careloop.unsent).
(function () {
  var script = document.currentScript;
  var KEY = (script && script.dataset.queue) || 'careloop.unsent';
  function queue() { try { return JSON.parse(localStorage.getItem(KEY) || '[]'); } catch (e) { return []; } }
  function save(q) { localStorage.setItem(KEY, JSON.stringify(q)); show(); }
  function show() {
    var el = document.getElementById('unsent');
    if (!el) { return; }
    var n = queue().length;
    el.hidden = n === 0;
    el.firstElementChild.textContent = n;
  }
  function refused(response) {
    return response.text().then(function (text) {
      var el = document.getElementById('offline-refused');
      if (el) { el.textContent = text; el.hidden = false; } else { window.alert(text); }
    });
  }
  function send(entry) {
    return fetch(entry.action, { method: 'POST', body: new URLSearchParams(entry.data), credentials: 'same-origin',
      headers: { 'X-Requested-With': 'fetch' } });
  }
  function flush() {
    var q = queue();
    if (!q.length || !navigator.onLine) { return; }
    send(q[0]).then(function (response) {
      if (response.status >= 500) { return; } // kept: tried again when the page is opened again
      save(queue().slice(1));
      if (!response.ok) { return refused(response).then(flush); }
      flush();
    }).catch(function () { /* still offline */ });
  }
  document.querySelectorAll('form.answer, form[data-offline]').forEach(function (form) {
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var entry = { action: form.action, data: Array.from(new FormData(form).entries()) };
      send(entry).then(function (response) {
        if (response.ok) { window.location.reload(); } else { refused(response); }
      }).catch(function () {
        var q = queue(); q.push(entry); save(q);
      });
    });
  });
  window.addEventListener('online', flush);
  show();
  flush();
})();
