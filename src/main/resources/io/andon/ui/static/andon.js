// andon's web UI: progressive behaviour shared by every page. Pages work without it; with it, a
// change (a form with class "mutation") asks for the service's token once, in a dialog, instead
// of going through the sign-in page.
(function () {
  "use strict";

  function csrf() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  }

  function signedIn() {
    return document.body.dataset.signedIn === "true";
  }

  function askToken() {
    var dialog = document.getElementById("token-dialog");
    var form = document.getElementById("token-form");
    var input = document.getElementById("token-input");
    var problem = document.getElementById("token-problem");
    return new Promise(function (resolve) {
      function done(ok) {
        form.removeEventListener("submit", onSubmit);
        document.getElementById("token-cancel").removeEventListener("click", onCancel);
        dialog.close();
        resolve(ok);
      }
      function onCancel() { done(false); }
      function onSubmit(e) {
        e.preventDefault();
        var body = new URLSearchParams({ token: input.value, csrf: csrf(), via: "script" });
        fetch("/ui/login", { method: "POST", body: body, credentials: "same-origin" })
          .then(function (r) { return r.json(); })
          .then(function (answer) {
            if (answer.signed_in) {
              document.body.dataset.signedIn = "true";
              done(true);
            } else {
              problem.hidden = false;
              input.select();
            }
          });
      }
      problem.hidden = true;
      form.addEventListener("submit", onSubmit);
      document.getElementById("token-cancel").addEventListener("click", onCancel);
      dialog.showModal();
      input.focus();
    });
  }

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.classList || !form.classList.contains("mutation") || signedIn()) {
      return;
    }
    e.preventDefault();
    var submitter = e.submitter;
    askToken().then(function (ok) {
      if (ok) {
        form.requestSubmit(submitter);
      }
    });
  });

  window.andon = { csrf: csrf, signedIn: signedIn };
})();
