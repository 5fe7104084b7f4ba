// The on-screen signature pad of the sign-off (signature_pad from its WebJar): the canvas follows the width of
// the form and the screen's pixel density; on submit a drawn signature travels as a PNG data URL.
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.getElementById('signature-canvas');
  if (!canvas || !window.SignaturePad) { return; }
  const pad = new SignaturePad(canvas, { backgroundColor: 'rgb(255,255,255)' });
  const resize = () => {
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    const data = pad.toData();
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext('2d').scale(ratio, ratio);
    pad.clear();
    pad.fromData(data);
  };
  window.addEventListener('resize', resize);
  // the pad sits in a closed <details>: size it when it opens
  const details = canvas.closest('details');
  if (details) { details.addEventListener('toggle', resize); }
  resize();
  document.getElementById('signature-clear').addEventListener('click', () => pad.clear());
  canvas.closest('form').addEventListener('submit', () => {
    document.getElementById('signature-image').value = pad.isEmpty() ? '' : pad.toDataURL('image/png');
  });
});
