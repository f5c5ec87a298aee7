/* taalcoach-portaal: small progressive enhancements; the site works without this file. */

/* Material's search dialog (role="dialog") has no accessible name (axe: aria-dialog-name);
   give it the name of its own search box ("Zoeken"). */
document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (dialog) {
  var input = dialog.querySelector('.md-search__input[aria-label]');
  if (input) dialog.setAttribute('aria-label', input.getAttribute('aria-label'));
});

/* Tables on phones show each row as a block (taalcoach.css); each cell is introduced by its
   column name, copied here from the header row. Word lists keep their own compact layout. */
document.querySelectorAll('.md-typeset table:not([class])').forEach(function (table) {
  if (table.closest('.tc-words, .tc-matrix') || !table.tHead || !table.tHead.rows[0]) return;
  var names = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) {
    return th.textContent.trim();
  });
  Array.prototype.forEach.call(table.tBodies, function (body) {
    Array.prototype.forEach.call(body.rows, function (row) {
      Array.prototype.forEach.call(row.cells, function (cell, i) {
        // 'Streefniveau:' but 'Voor wie?' (no colon after a question mark).
        if (names[i]) cell.setAttribute('data-label', /[?:!]$/.test(names[i]) ? names[i] : names[i] + ':');
      });
    });
  });
});
