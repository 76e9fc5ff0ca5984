// My badges: copy the email-signature snippet as rich text (pastes as an image and a link
// in mail clients), with the HTML source as the plain-text fallback. No dependencies.
(() => {
  "use strict";

  function say(button, text) {
    var status = button.parentNode.querySelector(".copy-status");
    if (status) status.textContent = text;
  }

  function fallback(source) {
    source.focus();
    source.select();
    return document.execCommand?.("copy");
  }

  document.addEventListener("click", (event) => {
    var button = event.target.closest("[data-copy-signature]");
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-copy-signature"));
    if (!source) return;
    var html = source.value;
    if (navigator.clipboard && window.ClipboardItem && window.isSecureContext) {
      const item = new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([html], { type: "text/plain" }),
      });
      navigator.clipboard.write([item]).then(
        () => {
          say(button, "Copied. Paste it into your email signature settings.");
        },
        () => {
          say(button, fallback(source) ? "Copied." : "Select the code and copy it.");
        },
      );
    } else {
      say(button, fallback(source) ? "Copied (as HTML code)." : "Select the code and copy it.");
    }
  });
})();
