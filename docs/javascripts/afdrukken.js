// "Druk ... af" buttons (standard pages, the A–Z list, the whole infobox): the browser's print dialog, which
// on a phone is not behind a key combination. print.css decides what goes on paper; on the A–Z page that
// is the list as filtered on screen. Without scripting the buttons are not shown (infobox.css).
document.addEventListener("click", (event) => {
  if (event.target.closest?.(".ib-print-button")) window.print();
});
