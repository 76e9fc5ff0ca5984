// Fills every <input data-browser-time-zone> (sign-up and login forms) with the browser's
// time zone, e.g. "America/Chicago". The server checks the name before keeping it.
(() => {
  "use strict";
  var zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch {
    return;
  }
  if (!zone) return;
  var fields = document.querySelectorAll("input[data-browser-time-zone]");
  for (let i = 0; i < fields.length; i++) {
    if (!fields[i].value) fields[i].value = zone;
  }
})();
