// Reply links work without JavaScript (?replyto=ID reloads the page with the form set to reply).
// With it, a click sets the form to reply in place and takes the reader to the form.
(function () {
    "use strict";
    // A link to one comment (#comment-123) that is on another page of the conversation: ask the server
    // for the page that shows it.
    var wanted = /^#comment-(\d+)$/.exec(window.location.hash);
    if (wanted && !document.getElementById("comment-" + wanted[1]) && !/[?&]comment=/.test(window.location.search)) {
        window.location.replace(window.location.pathname + "?comment=" + wanted[1] + window.location.hash);
        return;
    }
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

    // The page is shared by every reader and cached, so it carries no form token: ask for one (and for
    // the name, email and website this browser asked to have remembered) when the reader starts writing.
    // Without JavaScript the first press of the button is answered with the form and a token in it.
    var token = form.querySelector("input[name=token]");
    var asking = null;
    function askForToken() {
        if (token.value || asking) {
            return asking || Promise.resolve();
        }
        asking = fetch(form.dataset.formUrl, {credentials: "same-origin", cache: "no-store"})
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (answer) {
                if (!answer) {
                    return;
                }
                token.value = answer.token;
                if (answer.name !== undefined) {
                    ["name", "email", "website"].forEach(function (field) {
                        var input = document.getElementById("comment-form:" + field);
                        if (input && !input.value) {
                            input.value = answer[field];
                        }
                    });
                    document.getElementById("comment-form:remember").checked = true;
                }
            })
            .catch(function () { /* the server's own answer asks for a second press */ })
            .finally(function () { asking = null; });
        return asking;
    }
    form.addEventListener("focusin", askForToken);
    var sendWithoutToken = false;
    form.addEventListener("submit", function (event) {
        if (token.value || sendWithoutToken || !window.fetch || !form.requestSubmit) {
            return;
        }
        event.preventDefault();
        var button = event.submitter;
        askForToken().then(function () {
            sendWithoutToken = !token.value; // the server then answers with a token and asks again
            form.requestSubmit(button);
        });
    });

    form.querySelector(".cancel-reply").addEventListener("click", function (event) {
        event.preventDefault();
        parent.value = "";
        replying.classList.add("is-hidden");
    });
}());
