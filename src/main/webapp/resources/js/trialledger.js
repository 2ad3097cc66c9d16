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
