// Reloads the page shortly before the on-screen token expires, so the QR shown is always a fresh one.
(function () {
  var seconds = parseInt(document.body.getAttribute('data-rotate-seconds') || '50', 10);
  setTimeout(function () { window.location.reload(); }, seconds * 1000);
})();
