// On-screen signature pads (signature_pad from its WebJar): the sign-off's #signature-canvas and any
// canvas[data-signature-pad] (the field-service report has two: the customer's and our leader's). Each canvas follows
// the width of its form and the screen's pixel density; on submit a drawn signature travels as a PNG data URL in the
// hidden input of its fieldset (#signature-image or input[data-signature-image]), cleared by its clear button.
document.addEventListener('DOMContentLoaded', () => {
  if (!window.SignaturePad) { return; }
  document.querySelectorAll('canvas#signature-canvas, canvas[data-signature-pad]').forEach((canvas) => {
    const box = canvas.closest('fieldset') || canvas.parentElement;
    const image = box.querySelector('#signature-image, input[data-signature-image]');
    const clear = box.querySelector('#signature-clear, button[data-signature-clear]');
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
    // a pad in a closed <details>: size it when it opens
    const details = canvas.closest('details');
    if (details) { details.addEventListener('toggle', resize); }
    resize();
    if (clear) { clear.addEventListener('click', () => pad.clear()); }
    canvas.closest('form').addEventListener('submit', () => {
      image.value = pad.isEmpty() ? '' : pad.toDataURL('image/png');
    });
  });
});
