// The conduct page's offline bit: each answer form is sent on its own with fetch; when the network is down the
// answer waits in localStorage and is sent again when the browser is back online (or the page is opened again).
(function () {
  var KEY = 'careloop.audit.unsent';
  function queue() { try { return JSON.parse(localStorage.getItem(KEY) || '[]'); } catch (e) { return []; } }
  function save(q) { localStorage.setItem(KEY, JSON.stringify(q)); show(); }
  function show() {
    var el = document.getElementById('unsent');
    if (!el) { return; }
    var n = queue().length;
    el.hidden = n === 0;
    el.firstElementChild.textContent = n;
  }
  function send(entry) {
    return fetch(entry.action, { method: 'POST', body: new URLSearchParams(entry.data), credentials: 'same-origin',
      headers: { 'X-Requested-With': 'fetch' } });
  }
  function flush() {
    var q = queue();
    if (!q.length || !navigator.onLine) { return; }
    var entry = q[0];
    send(entry).then(function () { save(queue().slice(1)); flush(); }).catch(function () { /* still offline */ });
  }
  document.querySelectorAll('form.answer').forEach(function (form) {
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var entry = { action: form.action, data: Array.from(new FormData(form).entries()) };
      send(entry).then(function () { window.location.reload(); }).catch(function () {
        var q = queue(); q.push(entry); save(q);
      });
    });
  });
  window.addEventListener('online', flush);
  show();
  flush();
})();
