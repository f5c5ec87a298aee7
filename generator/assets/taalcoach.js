/* taalcoach-portaal: small progressive enhancements; the site works without this file. */

/* Material's search dialog (role="dialog") has no accessible name (axe: aria-dialog-name);
   give it the name of its own search box ("Zoeken"). */
document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (dialog) {
  var input = dialog.querySelector('.md-search__input[aria-label]');
  if (input) dialog.setAttribute('aria-label', input.getAttribute('aria-label'));
});
