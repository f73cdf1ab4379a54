// The printed page (版面图) and the list beside it: while the pointer is on a story in
// the list, or the keyboard's focus, its region on the printed page is lit. Both
// carry the same data-record ("article-12"); without this script, the regions
// still light on their own hover and focus (site.css).
for (const entry of document.querySelectorAll(".sheet-record[data-record]")) {
  const region = document.querySelector(`.page-map a[data-record="${entry.dataset.record}"]`);
  if (!region) {
    continue;
  }
  const light = () => region.classList.add("is-lit");
  const dim = () => region.classList.remove("is-lit");
  entry.addEventListener("mouseenter", light);
  entry.addEventListener("mouseleave", dim);
  entry.addEventListener("focusin", light);
  entry.addEventListener("focusout", dim);
}
