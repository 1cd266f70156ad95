// Small progressive enhancements; every page works without this file.
document.addEventListener("htmx:afterSwap", (event) => {
  const target = event.detail.target;
  const focus = target && target.querySelector("[data-autofocus]");
  if (focus) focus.focus();
});
