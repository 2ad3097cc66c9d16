/*
 * Warns before leaving a form with changes not yet saved (forms marked data-tl-unsaved="warn").
 * A change is any input in such a form; a completed request of a button with the class tl-saves
 * (save, submit) makes the form clean again: the server then holds everything typed, the refused
 * values included. Served as a file so that the strict CSP (no inline script) allows it.
 */
(function () {
  var dirty = false;
  var saving = false;

  function inWatchedForm(el) {
    return el && el.closest && el.closest('form[data-tl-unsaved="warn"]');
  }

  function changed(e) {
    if (inWatchedForm(e.target)) dirty = true;
  }

  document.addEventListener('input', changed, true);
  document.addEventListener('change', changed, true);
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('.tl-saves');
    if (button && inWatchedForm(button)) saving = true;
  }, true);

  if (window.jQuery) {
    jQuery(document).on('pfAjaxComplete', function (event, xhr) {
      if (saving && xhr && xhr.status === 200) dirty = false;
      saving = false;
    });
  }

  window.addEventListener('beforeunload', function (e) {
    if (!dirty) return;
    e.preventDefault();
    e.returnValue = '';
  });

  window.TrialLedgerUnsaved = {
    isDirty: function () {
      return dirty;
    }
  };
})();
