// Praxis page behaviour. Small, dependency-free, served by the app.
(function () {
  "use strict";

  // Click-to-load video embeds (see courses/blocks/video.html).
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-video-embed]");
    if (!button) return;
    var frame = document.createElement("iframe");
    frame.src = button.getAttribute("data-video-embed") + "?autoplay=1";
    frame.title = button.getAttribute("data-video-title") || "Video";
    frame.allow = "autoplay; encrypted-media; picture-in-picture";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    button.replaceWith(frame);
    frame.focus();
  });
})();
