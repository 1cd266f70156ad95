// Het bos: zoom and pan the network map. The map works without this file: it is drawn
// at its real size (labels at 13 px) in a scrolling window, and every node is a link.
(function () {
  const STAPPEN = [0.5, 0.75, 1, 1.5, 2, 3];

  function init(root) {
    root.querySelectorAll("[data-bos-venster]").forEach((venster) => {
      if (venster.dataset.bosKlaar) return;
      venster.dataset.bosKlaar = "1";
      const svg = venster.querySelector("svg");
      const knoppen = venster.parentElement.querySelector("[data-bos-zoom]");
      if (!svg || !knoppen) return;
      const breedte = Number(svg.dataset.breedte);
      const hoogte = Number(svg.dataset.hoogte);
      let stap = STAPPEN.indexOf(1);

      function zoom(nieuw) {
        stap = Math.max(0, Math.min(STAPPEN.length - 1, nieuw));
        const midX = (venster.scrollLeft + venster.clientWidth / 2) / svg.clientWidth;
        const midY = (venster.scrollTop + venster.clientHeight / 2) / svg.clientHeight;
        svg.setAttribute("width", String(Math.round(breedte * STAPPEN[stap])));
        svg.setAttribute("height", String(Math.round(hoogte * STAPPEN[stap])));
        venster.scrollLeft = midX * svg.clientWidth - venster.clientWidth / 2;
        venster.scrollTop = midY * svg.clientHeight - venster.clientHeight / 2;
      }

      knoppen.hidden = false;
      knoppen.addEventListener("click", (event) => {
        const knop = event.target.closest("[data-zoom]");
        if (!knop) return;
        const soort = knop.dataset.zoom;
        zoom(soort === "in" ? stap + 1 : soort === "out" ? stap - 1 : STAPPEN.indexOf(1));
      });

      // Drag to pan; a click without movement still follows the link under it.
      let start = null;
      let versleept = false;
      venster.addEventListener("pointerdown", (event) => {
        if (event.button !== 0) return;
        start = { x: event.clientX, y: event.clientY, left: venster.scrollLeft, top: venster.scrollTop };
        versleept = false;
      });
      venster.addEventListener("pointermove", (event) => {
        if (!start) return;
        const dx = event.clientX - start.x;
        const dy = event.clientY - start.y;
        if (!versleept && Math.abs(dx) + Math.abs(dy) < 5) return;
        versleept = true;
        venster.classList.add("sleept");
        venster.scrollLeft = start.left - dx;
        venster.scrollTop = start.top - dy;
      });
      const stop = () => {
        start = null;
        venster.classList.remove("sleept");
      };
      venster.addEventListener("pointerup", stop);
      venster.addEventListener("pointerleave", stop);
      venster.addEventListener("click", (event) => {
        if (versleept) {
          event.preventDefault();
          versleept = false;
        }
      }, true);
      // Keyboard: + and - zoom while the map window has focus.
      venster.addEventListener("keydown", (event) => {
        if (event.target !== venster) return;
        if (event.key === "+" || event.key === "=") zoom(stap + 1);
        else if (event.key === "-") zoom(stap - 1);
        else return;
        event.preventDefault();
      });
    });
  }

  document.addEventListener("DOMContentLoaded", () => init(document));
  document.addEventListener("htmx:load", (event) => init(event.target));
})();
