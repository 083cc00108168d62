/* The editing forms work without this script. With it, leaving a form whose fields were changed
   asks first, so a change is not lost by following a link by mistake. */
/* global window, document */
(function () {
  const forms = document.querySelectorAll('form.edit-form, form.merge-form');
  if (forms.length === 0) return;
  let changed = false;
  let submitting = false;
  forms.forEach(function (form) {
    form.addEventListener('input', function () { changed = true; });
    form.addEventListener('change', function () { changed = true; });
    form.addEventListener('submit', function () { submitting = true; });
  });
  window.addEventListener('beforeunload', function (event) {
    if (!changed || submitting) return;
    event.preventDefault();
    event.returnValue = '';
  });
})();
