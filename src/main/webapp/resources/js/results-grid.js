/*
 * Results tables entered like a spreadsheet. Pasting a block copied from a spreadsheet (tab-separated
 * cells, one line per row) into a cell of a table marked data-tl-grid fills the cells to the right and
 * below, as a spreadsheet does; cells are addressed by data-tl-cell="row-column" (L and M are the
 * row's labels, then the numbered value cells). What does not fit is named in the table's note, so
 * the user can add rows and paste again. Served as a file for the strict CSP (no inline script).
 */
(function () {
  function columns(table, row) {
    // the addresses of one row's inputs, left to right
    var out = [];
    table.querySelectorAll('[data-tl-cell^="' + row + '-"]').forEach(function (el) {
      out.push(el.getAttribute('data-tl-cell').split('-')[1]);
    });
    return out;
  }

  document.addEventListener('paste', function (e) {
    var input = e.target;
    if (!input || !input.getAttribute) return;
    var address = input.getAttribute('data-tl-cell');
    var table = input.closest && input.closest('table[data-tl-grid]');
    if (!address || !table) return;
    var text = (e.clipboardData || window.clipboardData).getData('text');
    if (!text || (text.indexOf('\t') < 0 && text.indexOf('\n') < 0)) return; // one value: the browser's own paste
    e.preventDefault();
    var lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
    var row0 = parseInt(address.split('-')[0], 10);
    var col0 = columns(table, row0).indexOf(address.split('-')[1]);
    var missed = 0;
    lines.forEach(function (line, i) {
      var cols = columns(table, row0 + i);
      line.split('\t').forEach(function (value, j) {
        var target = cols.length ? table.querySelector('[data-tl-cell="' + (row0 + i) + '-' + cols[col0 + j] + '"]') : null;
        if (!target || col0 + j >= cols.length) {
          missed++;
          return;
        }
        target.value = value.trim();
        target.dispatchEvent(new Event('input', { bubbles: true }));
      });
    });
    var note = document.querySelector('[data-tl-grid-note="' + table.getAttribute('data-tl-grid') + '"]');
    if (note)
      note.textContent = missed
        ? missed + ' pasted value(s) did not fit: add rows or group columns and paste again.'
        : 'Pasted ' + lines.length + ' row(s).';
  });
})();
