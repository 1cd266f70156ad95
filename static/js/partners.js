// Copy button for a freshly made partner link; without JavaScript the field can be selected.
document.querySelectorAll("[data-copy-target]").forEach((button) => {
  const field = document.getElementById(button.dataset.copyTarget);
  const status = document.querySelector("[data-copy-status]");
  if (!field || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      if (status) status.textContent = "Gekopieerd.";
    } catch {
      field.select();
      if (status) status.textContent = "Kopiëren lukte niet: selecteer de link en kopieer hem zelf.";
    }
  });
});
