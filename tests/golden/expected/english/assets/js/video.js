/* Films on YouTube or Vimeo. The page shows a placeholder with a notice and loads nothing
   from those sites (so they set no cookies) until the reader presses the play button; then
   the player replaces the placeholder and takes the focus. Without JavaScript the button stays
   hidden and the plain link to the film's page works. */
(function () {
  "use strict";

  var placeholders = document.querySelectorAll("[data-video-embed]");
  Array.prototype.forEach.call(placeholders, function (box) {
    var button = box.querySelector("[data-video-play]");
    if (!button) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.className = "video__frame";
      frame.title = box.getAttribute("data-video-title") || "";
      frame.setAttribute("allow", "autoplay; encrypted-media; fullscreen; picture-in-picture");
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      frame.src = box.getAttribute("data-video-embed");
      box.textContent = "";
      box.appendChild(frame);
      box.classList.add("video__placeholder--playing");
      frame.focus();
    });
  });
})();
