// Warns before leaving a desk page with changes that were not saved. Forms marked "guarded" count;
// submitting the form (any button) is not leaving.
(function () {
    "use strict";
    var dirty = false;
    document.querySelectorAll("form.guarded").forEach(function (form) {
        form.addEventListener("input", function () { dirty = true; });
        form.addEventListener("change", function () { dirty = true; });
    });
    // Any form sent from the page (a save, or signing out) is a deliberate step, not leaving by accident.
    document.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (event) {
        if (dirty) {
            event.preventDefault();
            event.returnValue = "";
        }
    });
}());
