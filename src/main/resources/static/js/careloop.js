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

// Page behaviour by data attributes, so no page needs an inline script or handler (Content-Security-Policy:
// script-src 'self').
document.addEventListener('click', function (e) {
  var el = e.target.closest('[data-add-row],[data-print],[data-toggle-sidebar],[data-customer-id]');
  if (!el) { return; }
  if (el.hasAttribute('data-add-row')) {
    careloop.addRow(el.dataset.addRow, el.dataset.rowTemplate);
  } else if (el.hasAttribute('data-print')) {
    window.print();
  } else if (el.hasAttribute('data-toggle-sidebar')) {
    document.getElementById('sidebar').classList.toggle('open');
  } else {
    // a customer look-up result (fragments/customerpick) fills the customer fields; choosing again replaces it
    e.preventDefault();
    document.getElementById('customerId').value = el.dataset.customerId;
    document.getElementById('customerLabel').value = el.dataset.label;
    document.getElementById('customer-chosen').textContent = el.dataset.label;
    var room = document.getElementById('unitRoom');
    if (room && el.dataset.room && !room.value) { room.value = el.dataset.room; }
    document.getElementById('customer-matches').innerHTML = '';
  }
});

// The intake's request type shows the fields of that type only.
document.addEventListener('change', function (e) {
  if (!e.target.matches('[data-shows-type-fields]')) { return; }
  document.querySelectorAll('[data-for-type]').forEach(function (el) {
    el.hidden = el.dataset.forType !== e.target.value;
  });
});

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
