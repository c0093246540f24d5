// Passkey sign-in with Spring Security's WebAuthn endpoints: ask for options, let the browser sign, post it.
(function () {
  var button = document.getElementById('passkey-signin');
  if (!button) { return; }
  if (!window.PublicKeyCredential) { button.hidden = true; return; }
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]').content;
  var csrfToken = document.querySelector('meta[name="_csrf"]').content;
  var b64 = function (buffer) {
    return btoa(String.fromCharCode.apply(null, new Uint8Array(buffer)))
      .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  var unb64 = function (text) {
    var s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(s, function (c) { return c.charCodeAt(0); });
  };
  var headers = { 'Content-Type': 'application/json' };
  headers[csrfHeader] = csrfToken;
  button.addEventListener('click', function () {
    fetch('/webauthn/authenticate/options', { method: 'POST', headers: headers })
      .then(function (r) { return r.json(); })
      .then(function (options) {
        options.challenge = unb64(options.challenge);
        (options.allowCredentials || []).forEach(function (c) { c.id = unb64(c.id); });
        return navigator.credentials.get({ publicKey: options });
      })
      .then(function (credential) {
        var body = {
          id: credential.id, rawId: b64(credential.rawId), credType: credential.type,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment,
          response: {
            authenticatorData: b64(credential.response.authenticatorData),
            clientDataJSON: b64(credential.response.clientDataJSON),
            signature: b64(credential.response.signature),
            userHandle: credential.response.userHandle ? b64(credential.response.userHandle) : null
          }
        };
        return fetch('/login/webauthn', { method: 'POST', headers: headers, body: JSON.stringify(body) });
      })
      .then(function (r) { return r.json(); })
      .then(function (result) {
        if (!result.authenticated) { throw new Error('not authenticated'); }
        // the saved page if there was one, else the page for the person's role (as after a password sign-in)
        var target = result.redirectUrl || '/start';
        window.location.href = new URL(target, window.location.href).pathname === '/' ? '/start' : target;
      })
      .catch(function () { document.getElementById('passkey-error').hidden = false; });
  });
})();
