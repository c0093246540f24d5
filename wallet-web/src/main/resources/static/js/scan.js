// Reads a QR with the camera where the browser has BarcodeDetector, and puts its text into the field; without
// it the field still takes a USB or Bluetooth scanner's typing, and a photo can be uploaded instead.
(function () {
  var button = document.getElementById('camera-scan');
  var video = document.getElementById('camera-video');
  var field = document.getElementById(button ? button.getAttribute('data-target') : '');
  if (!button || !video || !field) { return; }
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices) { button.hidden = true; return; }
  button.addEventListener('click', function () {
    var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
      video.hidden = false;
      video.srcObject = stream;
      video.play();
      var tick = function () {
        detector.detect(video).then(function (codes) {
          if (codes.length > 0) {
            field.value = codes[0].rawValue;
            stream.getTracks().forEach(function (t) { t.stop(); });
            video.hidden = true;
            field.focus();
          } else {
            requestAnimationFrame(tick);
          }
        }).catch(function () { requestAnimationFrame(tick); });
      };
      tick();
    });
  });
})();
