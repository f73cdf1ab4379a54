// On a computer, the ← and → keys turn the pages of an edition: they follow the
// page's <link rel="prev"> and <link rel="next">. Not while typing in a field,
// nor with a modifier held (Alt+← is the browser's own "back").
document.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) {
    return;
  }
  const target = event.target;
  if (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) {
    return;
  }
  const rel = { ArrowLeft: "prev", ArrowRight: "next" }[event.key];
  const link = rel && document.querySelector(`link[rel="${rel}"]`);
  if (link) {
    window.location.href = link.href;
  }
});
