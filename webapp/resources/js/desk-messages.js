// The desk's words for scripts: the messages of the page's language (the "desk-words" block the template writes),
// with their arguments, counts in the language's plural forms (Intl.PluralRules, CLDR's rules) and numbers in its
// digits. NewsdeskWords.say("js.excerptAdded", [3]).
window.NewsdeskWords = (function () {
    "use strict";
    var block = document.getElementById("desk-words");
    var words = {};
    try {
        words = block ? JSON.parse(block.textContent) : {};
    } catch (ignored) {
        words = {};
    }
    var lang = document.documentElement.lang || "en";

    function number(n) {
        return typeof n === "number" && window.Intl ? new Intl.NumberFormat(lang).format(n) : String(n);
    }

    // The part of ICU's message format the desk's messages use: {0}, {0, number}, {0, plural, one{# …} other{# …}},
    // '{quoted}'.
    function format(pattern, args) {
        var out = "";
        var i = 0;
        while (i < pattern.length) {
            var c = pattern.charAt(i);
            if (c === "'" && pattern.charAt(i + 1) === "{") {
                var close = pattern.indexOf("'", i + 1);
                out += pattern.substring(i + 1, close);
                i = close + 1;
                continue;
            }
            if (c !== "{") {
                out += c;
                i++;
                continue;
            }
            var depth = 0;
            var j = i;
            for (; j < pattern.length; j++) {
                if (pattern.charAt(j) === "{") {
                    depth++;
                } else if (pattern.charAt(j) === "}" && --depth === 0) {
                    break;
                }
            }
            var inner = pattern.substring(i + 1, j);
            i = j + 1;
            var parts = inner.split(",");
            var value = args[parseInt(parts[0], 10)];
            var kind = (parts[1] || "").trim();
            if (kind === "plural") {
                var body = inner.substring(inner.indexOf(",", inner.indexOf(",") + 1) + 1);
                var forms = {};
                var k = 0;
                while (k < body.length) {
                    var open = body.indexOf("{", k);
                    if (open < 0) {
                        break;
                    }
                    var selector = body.substring(k, open).trim();
                    var d = 0;
                    var m = open;
                    for (; m < body.length; m++) {
                        if (body.charAt(m) === "{") {
                            d++;
                        } else if (body.charAt(m) === "}" && --d === 0) {
                            break;
                        }
                    }
                    forms[selector] = body.substring(open + 1, m);
                    k = m + 1;
                }
                var category = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang).select(value) : (value === 1 ? "one" : "other");
                var chosen = forms["=" + value] || forms[category] || forms.other || "";
                out += format(chosen.replace(/#/g, number(value)), args);
            } else if (kind === "number") {
                out += number(value);
            } else {
                out += value === undefined || value === null ? "" : String(value);
            }
        }
        return out;
    }

    return {
        say: function (key, args) {
            var pattern = words[key];
            return pattern === undefined ? "[" + key + "]" : format(pattern, args || []);
        }
    };
}());

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
        heading.textContent = NewsdeskWords.say("js.fixes", [messages.length]);
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
