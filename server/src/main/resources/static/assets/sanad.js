// Progressive enhancement only: every control works without this file.
(function () {
  "use strict";
  var exit = document.getElementById("quick-exit");
  function leave() {
    // Replace this page in the history, so that Back does not return to Sanad.
    window.location.replace(exit ? exit.href : "/exit");
  }
  if (exit) {
    exit.addEventListener("click", function (event) {
      event.preventDefault();
      leave();
    });
  }
  // Escape pressed three times within two seconds leaves too.
  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 2000; });
    presses.push(now);
    if (presses.length >= 3) {
      leave();
    }
  });
})();
