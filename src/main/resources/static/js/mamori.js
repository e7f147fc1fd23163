// Mamori page behaviour. Loaded as a file (the Content-Security-Policy forbids inline scripts).
(function () {
  'use strict';
  var tokenMeta = document.querySelector('meta[name="csrf-token"]');
  var headerMeta = document.querySelector('meta[name="csrf-header"]');

  // htmx requests carry the CSRF token like ordinary form posts
  document.addEventListener('htmx:configRequest', function (event) {
    if (tokenMeta && headerMeta) {
      event.detail.headers[headerMeta.content] = tokenMeta.content;
    }
  });

  // <form data-confirm="…">: ask before submitting (submitting a round locks it)
  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute && event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  }, true);

  // <select data-autosubmit>: the organisation switcher
  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('select[data-autosubmit]')) {
      event.target.form.submit();
    }
  });
})();
