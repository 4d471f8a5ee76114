// Reply links work without JavaScript (?replyto=ID reloads the page with the form set to reply).
// With it, a click sets the form to reply in place and takes the reader to the form.
(function () {
    "use strict";
    var form = document.getElementById("comment-form");
    if (!form) {
        return;
    }
    var parent = document.getElementById("comment-form:parent");
    var replying = form.querySelector(".replying");
    var replyingTo = form.querySelector(".replying-to");

    document.querySelectorAll(".reply-link").forEach(function (link) {
        link.addEventListener("click", function (event) {
            event.preventDefault();
            parent.value = link.dataset.comment;
            replyingTo.textContent = link.dataset.author;
            replying.classList.remove("is-hidden");
            document.getElementById("respond").scrollIntoView();
            document.getElementById("comment-form:body").focus();
        });
    });

    // A refused comment comes back at #respond (the form's action says so); put the reader in the field to fix.
    var refused = form.querySelector(".field .field-error");
    if (refused) {
        refused.closest(".field").querySelector("input, textarea").focus();
    }

    form.querySelector(".cancel-reply").addEventListener("click", function (event) {
        event.preventDefault();
        parent.value = "";
        replying.classList.add("is-hidden");
    });
}());
