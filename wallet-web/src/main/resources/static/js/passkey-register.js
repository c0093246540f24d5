// Registers this device's passkey with Spring Security's WebAuthn endpoints (options, create, verify), in a file
// of its own so that the page needs no inline script under the Content-Security-Policy.
(function () {
  var button = document.getElementById('passkey-register');
  if (!button) { return; }
  var failed = document.getElementById('passkey-register-error');
  if (!window.PublicKeyCredential) { button.disabled = true; failed.hidden = false; return; }
  var headers = { 'Content-Type': 'application/json' };
  headers[document.querySelector('meta[name="_csrf_header"]').content] =
    document.querySelector('meta[name="_csrf"]').content;
  var b64 = function (buffer) {
    return btoa(String.fromCharCode.apply(null, new Uint8Array(buffer)))
      .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  var unb64 = function (text) {
    var s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(s, function (c) { return c.charCodeAt(0); });
  };
  button.addEventListener('click', function () {
    var label = document.getElementById('passkey-label').value || 'passkey';
    fetch('/webauthn/register/options', { method: 'POST', headers: headers })
      .then(function (r) { if (!r.ok) { throw new Error('options ' + r.status); } return r.json(); })
      .then(function (options) {
        options.user.id = unb64(options.user.id);
        options.challenge = unb64(options.challenge);
        options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
          return Object.assign({}, c, { id: unb64(c.id) });
        });
        return navigator.credentials.create({ publicKey: options });
      })
      .then(function (created) {
        var body = { publicKey: { label: label, credential: {
          id: created.id, rawId: b64(created.rawId), type: created.type,
          response: {
            attestationObject: b64(created.response.attestationObject),
            clientDataJSON: b64(created.response.clientDataJSON),
            transports: created.response.getTransports ? created.response.getTransports() : []
          },
          clientExtensionResults: created.getClientExtensionResults(),
          authenticatorAttachment: created.authenticatorAttachment
        } } };
        return fetch('/webauthn/register', { method: 'POST', headers: headers, body: JSON.stringify(body) });
      })
      .then(function (r) { return r.json(); })
      .then(function (result) {
        if (!result.success) { throw new Error('not verified'); }
        window.location.href = '/passkeys?registered';
      })
      .catch(function () { failed.hidden = false; });
  });
})();
