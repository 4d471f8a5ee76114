// Every desk form: when the server put messages at fields, a short summary at the top of the page links to
// each, and the page scrolls to the first and puts the keyboard in its field. Runs on each page load and
// after each Faces Ajax update that brought messages.
(function () {
    "use strict";

    function fieldOf(message) {
        var row = message.closest(".field, .related-row, .discard, .merge, .photo-fields");
        return row ? row.querySelector("input:not([type=hidden]):not([type=submit]), select, textarea, .rich-text-surface") : null;
    }

    function summarize(scroll) {
        var main = document.getElementById("content");
        if (!main) {
            return;
        }
        var messages = Array.prototype.filter.call(main.querySelectorAll(".field-error"), function (m) {
            return m.textContent.trim() && !m.closest(".error-summary");
        });
        var summary = main.querySelector(".error-summary");
        if (!messages.length) {
            if (summary) {
                summary.remove();
            }
            return;
        }
        if (!summary) {
            summary = document.createElement("div");
            summary.className = "error-summary";
            summary.setAttribute("role", "alert");
            var flash = document.getElementById("flash");
            if (flash && flash.parentNode === main) {
                flash.after(summary);
            } else {
                main.prepend(summary);
            }
        }
        summary.textContent = "";
        var heading = document.createElement("h2");
        heading.textContent = messages.length === 1 ? "One thing to fix" : messages.length + " things to fix";
        var list = document.createElement("ul");
        messages.forEach(function (message, i) {
            if (!message.id) {
                message.id = "field-message-" + (i + 1);
            }
            var field = fieldOf(message);
            var item = document.createElement("li");
            var link = document.createElement("a");
            link.href = "#" + message.id;
            link.textContent = message.textContent.trim();
            link.addEventListener("click", function (event) {
                event.preventDefault();
                message.scrollIntoView({block: "center"});
                if (field) {
                    field.focus({preventScroll: true});
                }
            });
            item.append(link);
            list.append(item);
        });
        summary.append(heading, list);
        if (scroll) {
            var first = messages[0];
            first.scrollIntoView({block: "center"});
            var field = fieldOf(first);
            if (field) {
                field.focus({preventScroll: true});
            }
        }
    }

    summarize(true);
    var faces = window.faces || window.jsf;
    if (faces && faces.ajax) {
        faces.ajax.addOnEvent(function (data) {
            if (data.status === "success" && !(data.source && data.source.id === "edit:autosave")) {
                summarize(true);
            }
        });
    }
}());
