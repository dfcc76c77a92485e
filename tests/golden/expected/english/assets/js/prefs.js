/* Reading preferences applied before first paint (contrast, text size), so pages never
   flash in the wrong mode. Kept in localStorage only: tablica sets no cookies. */
(function () {
  "use strict";
  try {
    var root = document.documentElement;
    var store = window.localStorage;
    if (store.getItem("tablica.contrast") === "high") {
      root.setAttribute("data-contrast", "high");
    }
    var size = store.getItem("tablica.textSize");
    if (size === "1" || size === "2" || size === "3") {
      root.setAttribute("data-text-size", size);
    }
  } catch (e) {
    /* localStorage may be blocked: the page simply uses the defaults. */
  }
})();
