// htmx requests carry the CSRF token of the page, like the forms do.
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { e.detail.headers[header.content] = token.content; }
});

// Adds a row from a <template> to a table body, numbering its fields contacts[n].x after the rows already there.
window.careloop = {
  addRow: function (tableId, templateId) {
    var body = document.querySelector('#' + tableId + ' tbody');
    var index = body.querySelectorAll('tr').length;
    var html = document.getElementById(templateId).innerHTML.replace(/\[#\]/g, '[' + index + ']');
    body.insertAdjacentHTML('beforeend', html);
  }
};

// A button with data-copy="#field" copies that field's value (a survey link for WeChat) and says so.
document.addEventListener('click', function (e) {
  var button = e.target.closest('[data-copy]');
  if (!button) { return; }
  var field = document.querySelector(button.dataset.copy);
  field.select();
  var done = function () { button.textContent = button.dataset.copied; };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(done);
  } else {
    document.execCommand('copy');
    done();
  }
});
