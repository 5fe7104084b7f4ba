// The public form: a live character counter for the description (the server refuses a longer text, nothing is
// cut), and the photo count and size checked before the upload starts (the server checks again).
document.addEventListener('DOMContentLoaded', () => {
  const text = document.getElementById('description');
  const counter = document.getElementById('description-counter');
  if (text && counter) {
    const limit = Number(text.dataset.limit);
    const update = () => {
      const n = text.value.length; // as the server counts (UTF-16 units)
      const over = n > limit;
      counter.textContent = (over ? counter.dataset.over : counter.dataset.template).replace('{0}', n);
      counter.classList.toggle('over', over);
      text.setCustomValidity(over ? counter.textContent : '');
    };
    text.addEventListener('input', update);
    update();
  }
  const photos = document.getElementById('photos');
  if (photos) {
    photos.addEventListener('change', () => {
      const max = Number(photos.dataset.max);
      photos.setCustomValidity(photos.files.length > max ? photos.dataset.tooMany.replace('{0}', photos.files.length) : '');
      photos.reportValidity();
    });
  }
});
