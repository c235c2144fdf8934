// The task run page: follows the log of a running attempt. One request at a time: the service
// answers as soon as the log grows or the attempt ends (or after a while with nothing new), and
// the next request starts from where that answer ended.
(function () {
  "use strict";
  var log = document.getElementById("log");
  if (!log || log.dataset.live !== "true") {
    return;
  }
  var status = document.getElementById("log-status");
  var next = Number(log.dataset.next);
  function follow() {
    fetch(log.dataset.url + "&offset=" + next, { credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) { throw new Error("HTTP " + r.status); }
        return r.json();
      })
      .then(function (chunk) {
        var atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
        if (chunk.text) {
          log.appendChild(document.createTextNode(chunk.text));
          if (atBottom) { log.scrollTop = log.scrollHeight; }
        }
        next = chunk.next;
        if (chunk.done) {
          status.textContent = "The attempt has ended; reload the page for its result.";
          log.dataset.live = "false";
          return;
        }
        follow();
      })
      .catch(function () {
        status.textContent = "The service did not answer; trying again in 5 s.";
        setTimeout(follow, 5000);
      });
  }
  follow();
})();
