/* An accessible lightbox for galleries. Without JavaScript the thumbnails are plain links to
   the full-size photos. With it: a modal dialog that opens on click or Enter, moves with the
   arrow keys (and Home/End, and touch swipes), closes with Escape, keeps focus inside while
   open, announces "photo 3 of 12" and the caption, and returns focus to the thumbnail. The photo
   is a <picture>: its WebP copies (data-webp-srcset) first, as on the page, the JPEG ones for
   browsers without WebP. */
(function () {
  "use strict";

  var TEXTS = {
    pl: { label: "Powiększone zdjęcie", position: "Zdjęcie {n} z {total}", prev: "Poprzednie zdjęcie", next: "Następne zdjęcie", close: "Zamknij powiększenie" },
    en: { label: "Enlarged photo", position: "Photo {n} of {total}", prev: "Previous photo", next: "Next photo", close: "Close" }
  };
  var lang = (document.documentElement.lang || "pl").slice(0, 2);
  var t = TEXTS[lang] || TEXTS.pl;
  var SWIPE_MIN = 50;

  var galleries = document.querySelectorAll("[data-gallery]");
  if (!galleries.length || typeof HTMLDialogElement === "undefined") { return; }

  function el(tag, className, attrs) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  var dialog = el("dialog", "lightbox", { "aria-label": t.label });
  var figure = el("figure", "lightbox__figure");
  var picture = el("picture", "lightbox__picture");
  var webp = el("source", "", { type: "image/webp" });
  var img = el("img", "lightbox__image", { alt: "" });
  picture.appendChild(webp);
  picture.appendChild(img);
  var caption = el("figcaption", "lightbox__caption");
  var position = el("p", "lightbox__position", { "aria-live": "polite", "aria-atomic": "true" });
  var prev = el("button", "lightbox__button lightbox__prev", { type: "button", "aria-label": t.prev });
  var next = el("button", "lightbox__button lightbox__next", { type: "button", "aria-label": t.next });
  var close = el("button", "lightbox__button lightbox__close", { type: "button", "aria-label": t.close });
  prev.textContent = "‹";
  next.textContent = "›";
  close.textContent = "×";
  figure.appendChild(picture);
  figure.appendChild(caption);
  dialog.appendChild(close);
  dialog.appendChild(figure);
  dialog.appendChild(position);
  dialog.appendChild(prev);
  dialog.appendChild(next);
  document.body.appendChild(dialog);

  var links = [];
  var index = 0;
  var origin = null;

  function show(i) {
    index = (i + links.length) % links.length;
    var link = links[index];
    img.src = link.getAttribute("href");
    var webpSrcset = link.getAttribute("data-webp-srcset");
    if (webpSrcset) { webp.setAttribute("srcset", webpSrcset); webp.setAttribute("sizes", "100vw"); } else { webp.removeAttribute("srcset"); }
    var srcset = link.getAttribute("data-srcset");
    if (srcset) { img.setAttribute("srcset", srcset); img.setAttribute("sizes", "100vw"); } else { img.removeAttribute("srcset"); }
    img.setAttribute("width", link.getAttribute("data-width") || "");
    img.setAttribute("height", link.getAttribute("data-height") || "");
    var thumb = link.querySelector("img");
    img.alt = link.getAttribute("data-alt") || (thumb ? thumb.alt : "");
    var text = link.getAttribute("data-caption") || "";
    caption.textContent = text;
    caption.hidden = !text;
    var single = links.length < 2;
    prev.hidden = single;
    next.hidden = single;
    position.textContent = t.position.replace("{n}", index + 1).replace("{total}", links.length) + (text ? ". " + text : "");
  }

  function open(gallery, link) {
    links = Array.prototype.slice.call(gallery.querySelectorAll("a[data-lightbox]"));
    origin = link;
    show(links.indexOf(link));
    dialog.showModal();
    (links.length > 1 ? next : close).focus();
  }

  function finish() {
    dialog.close();
  }

  dialog.addEventListener("close", function () {
    img.removeAttribute("src");
    img.removeAttribute("srcset");
    webp.removeAttribute("srcset");
    if (origin) { origin.focus(); }
  });
  prev.addEventListener("click", function () { show(index - 1); });
  next.addEventListener("click", function () { show(index + 1); });
  close.addEventListener("click", finish);
  dialog.addEventListener("click", function (event) { if (event.target === dialog) { finish(); } });

  dialog.addEventListener("keydown", function (event) {
    switch (event.key) {
      case "ArrowRight": event.preventDefault(); show(index + 1); break;
      case "ArrowLeft": event.preventDefault(); show(index - 1); break;
      case "Home": event.preventDefault(); show(0); break;
      case "End": event.preventDefault(); show(links.length - 1); break;
      case "Escape": event.preventDefault(); finish(); break;
      case "Tab": {
        var items = [close, prev, next].filter(function (b) { return !b.hidden; });
        var at = items.indexOf(document.activeElement);
        event.preventDefault();
        var step = event.shiftKey ? -1 : 1;
        items[(at + step + items.length) % items.length].focus();
        break;
      }
    }
  });

  var touchX = null;
  dialog.addEventListener("touchstart", function (event) { touchX = event.changedTouches[0].clientX; }, { passive: true });
  dialog.addEventListener("touchend", function (event) {
    if (touchX === null) { return; }
    var dx = event.changedTouches[0].clientX - touchX;
    touchX = null;
    if (Math.abs(dx) >= SWIPE_MIN) { show(index + (dx < 0 ? 1 : -1)); }
  });

  Array.prototype.forEach.call(galleries, function (gallery) {
    gallery.addEventListener("click", function (event) {
      var link = event.target.closest("a[data-lightbox]");
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) { return; }
      event.preventDefault();
      open(gallery, link);
    });
  });
})();
