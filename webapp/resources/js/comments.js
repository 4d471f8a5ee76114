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
    var replyingTo = form.querySelector(".replying bdi");

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

    // The comment goes where the form goes, the post page, but asking for JSON (CommentScriptFilter): taken
    // (go to it), or refused with messages that are shown at their fields while everything typed stays where
    // it is. Anything else (no fetch, no token, a network failure, an answer that is not one of those two)
    // sends the form itself, which the server answers with the page, as it does without JavaScript.
    var sendItself = false;
    var sending = false;
    form.addEventListener("submit", function (event) {
        if (sendItself || !window.fetch || !window.URLSearchParams || !form.requestSubmit) {
            return;
        }
        event.preventDefault();
        if (sending) {
            return;
        }
        var button = event.submitter;
        sending = true;
        if (button) {
            button.disabled = true;
        }
        function asTheFormItself() {
            sending = false;
            if (button) {
                button.disabled = false;
            }
            sendItself = true; // without a token the server answers with the form, a token in it, asking again
            form.requestSubmit(button);
        }
        var page = form.action.split("#")[0];
        askForToken().then(function () {
            if (!token.value) {
                return asTheFormItself();
            }
            return fetch(page, {method: "POST", credentials: "same-origin", cache: "no-store",
                headers: {"Accept": "application/json"}, body: new URLSearchParams(new FormData(form))})
                .then(function (response) {
                    if (response.status !== 200 && response.status !== 400) {
                        return asTheFormItself();
                    }
                    // A 400 that is not the JSON below (a page from something in between) throws here: sent as the form.
                    return response.json().then(function (answer) {
                        if (response.status === 200 && answer.location) {
                            // The browser's own copy of the shared page is out of date for this reader now (their
                            // held comment, their remembered name): a POST sent by fetch does not drop it as the
                            // form's own POST does. Fetched again, it is replaced; then the reader goes to the comment.
                            var go = function () { window.location.assign(answer.location); };
                            fetch(page, {credentials: "same-origin", cache: "reload"}).then(go, go);
                            return;
                        }
                        if (!answer.errors) {
                            return asTheFormItself();
                        }
                        sending = false;
                        if (button) {
                            button.disabled = false;
                        }
                        showRefusals(answer.errors);
                    });
                });
        }).catch(asTheFormItself);
    });

    // Messages where Faces puts them when it answers the form: a list above the form for the whole form,
    // a line under each field for that field.
    function showRefusals(errors) {
        // Every earlier message goes, the server's own (from a send without the script) as well as ours.
        form.querySelectorAll(".field-error, .form-errors").forEach(function (old) { old.remove(); });
        form.querySelectorAll("[aria-invalid]").forEach(function (input) {
            input.removeAttribute("aria-invalid");
            input.removeAttribute("aria-describedby");
        });
        var first = null;
        errors.forEach(function (error) {
            var input = error.field && document.getElementById("comment-form:" + error.field);
            if (!input) {
                var list = document.createElement("p");
                list.className = "form-errors from-script";
                list.setAttribute("role", "alert");
                list.textContent = error.message;
                form.insertBefore(list, replying);
                first = first || list;
                // A token that was refused (expired, already used) is not asked about again: the next send gets a fresh one.
                token.value = "";
                return;
            }
            var line = document.createElement("span");
            line.className = "field-error from-script";
            line.id = "comment-form:" + error.field + "-message";
            // The page's own (empty) place for this field's message gives way to this one: one element per id.
            var placeholder = document.getElementById(line.id);
            if (placeholder) {
                placeholder.remove();
            }
            line.setAttribute("role", "alert");
            line.textContent = error.message;
            if (input.type === "hidden") {
                // The reply target is gone: the comment can still go as a new one.
                input.value = "";
                replying.classList.add("is-hidden");
                replying.after(line);
            } else {
                input.setAttribute("aria-invalid", "true");
                input.setAttribute("aria-describedby", line.id);
                input.after(line);
                first = first || input;
            }
        });
        if (first) {
            first.scrollIntoView({block: "center"});
            if (first.focus) {
                first.focus();
            }
        }
    }

    form.querySelector(".cancel-reply").addEventListener("click", function (event) {
        event.preventDefault();
        parent.value = "";
        replying.classList.add("is-hidden");
    });
}());
