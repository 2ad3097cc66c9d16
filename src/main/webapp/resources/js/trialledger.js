/* Clearer wording for PrimeFaces' client-side file checks (they run before any byte is uploaded). */
$(function () {
  var locale = window.PrimeFaces && PrimeFaces.getLocaleSettings();
  if (!locale) return;
  locale.messages = locale.messages || {};
  locale.messages['primefaces.FileValidator.SIZE_LIMIT'] = '{0} is larger than the limit of {1}: nothing was uploaded.';
  locale.messages['primefaces.FileValidator.SIZE_LIMIT_detail'] = '';
  locale.messages['primefaces.FileValidator.ALLOW_TYPES'] = '{0} cannot be attached here (allowed: {1}).';
  locale.messages['primefaces.FileValidator.ALLOW_TYPES_detail'] = '';
});

/*
 * "Today" and "Now" buttons beside date fields (data-tl-today / data-tl-now name the input): the
 * fields start empty, so a date nobody chose is never saved, and typing stays free.
 */
document.addEventListener('click', function (e) {
  var button = e.target.closest && e.target.closest('[data-tl-today],[data-tl-now]');
  if (!button) return;
  var now = button.hasAttribute('data-tl-now');
  var input = document.getElementById(button.getAttribute(now ? 'data-tl-now' : 'data-tl-today'));
  if (!input) return;
  var d = new Date();
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  // a date in the user's own calendar; a moment in UTC, as the field's label says
  input.value = now
    ? d.toISOString().slice(0, 16).replace('T', ' ')
    : d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.focus();
});
