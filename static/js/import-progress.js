// An import batch read to its end without one long request: while documents wait, ask the server to read the next
// few, and show how far it has got. Without this script the page's "Read the next" button does the same, a click at
// a time.
(function () {
  "use strict";

  function start() {
    const form = document.getElementById("read-next");
    if (!form) return;
    const status = document.getElementById("import-progress");
    const bar = document.getElementById("import-progress-bar");
    const list = document.getElementById("import-documents");
    const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;

    function stopped() {
      status.textContent += ". Reading stopped: the server did not answer. Use the button to go on.";
      form.hidden = false;
    }

    function step() {
      fetch(form.action, {
        method: "POST",
        headers: { "X-CSRFToken": token, Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (answer) {
          status.textContent = answer.progress;
          bar.max = Math.max(answer.total, 1);
          bar.value = answer.read;
          list.innerHTML = answer.documents;
          if (answer.finished) {
            form.remove();
          } else {
            // Nothing read: another page is reading this batch's last documents; ask again a little later.
            window.setTimeout(step, answer.advanced ? 0 : 2000);
          }
        })
        .catch(stopped);
    }

    form.hidden = true;
    step();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
