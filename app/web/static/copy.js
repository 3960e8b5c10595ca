// "Kopier lenken": copies the text of the field a button names (data-copy="<id>") and says so
// in the status line next to it (data-copy-status="<id>"). Without JavaScript the button stays
// hidden and the link is selectable text in its field.
(function () {
  "use strict";
  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }
  ready(function () {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      var field = document.getElementById(button.getAttribute("data-copy"));
      var status = document.getElementById(button.getAttribute("data-copy-status"));
      if (!field) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        var done = function () { if (status) { status.textContent = "Lenken er kopiert."; } };
        var fallback = function () {
          field.focus();
          field.select();
          try { document.execCommand("copy"); done(); } catch (e) {
            if (status) { status.textContent = "Marker lenken og kopier den selv (Ctrl+C)."; }
          }
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(field.value).then(done, fallback);
        } else {
          fallback();
        }
      });
    });
  });
})();
