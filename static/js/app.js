// Small progressive enhancements; every page works without this file.
document.addEventListener("htmx:afterSwap", (event) => {
  // After an outerHTML swap the original target is detached: look in the new element.
  const target = event.detail.target;
  const scope = target && target.isConnected ? target : event.target;
  if (!scope || !scope.querySelector) return;
  const focus = scope.matches("[data-autofocus]") ? scope : scope.querySelector("[data-autofocus]");
  if (focus) focus.focus();
});
