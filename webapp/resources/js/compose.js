// The compose page's live help: each excerpt's word count against its outlet's limit as the editor types,
// the outlet suggested from the article's address, autosave a few seconds after a change (and a report that
// the page is open, every little while), the keyboard staying where it was when Faces Ajax redraws the
// excerpts, and Alt+↑ / Alt+↓ to move the excerpt being edited.
(function () {
    "use strict";
    var form = document.getElementById("edit");
    if (!form) {
        return;
    }
    var outlets = [];
    try {
        outlets = JSON.parse(form.getAttribute("data-outlets") || "[]");
    } catch (ignored) {
        outlets = [];
    }
    var faces = window.faces || window.jsf;

    function byId(id) {
        return document.getElementById(id);
    }

    function outletOf(card) {
        var select = card.querySelector("select[id$=':outlet']");
        var id = select && select.value ? Number(select.value) : null;
        return outlets.find(function (o) { return o.id === id; }) || null;
    }

    // ---- Word counts ----------------------------------------------------------------------------------------
    // Counted as the server counts them (ExcerptMarkup.wordCount): the text a reader sees, split on white space.
    function words(editorText) {
        var text = (editorText || "").replace(/<br\s*\/?>/gi, " ").replace(/<[^>]*>/g, "").replace(/&nbsp;/g, " ").trim();
        return text ? text.split(/\s+/).length : 0;
    }

    function countWords(card) {
        var body = card.querySelector("textarea[id$=':bodyText']");
        var out = card.querySelector(".word-count");
        if (!body || !out) {
            return;
        }
        var n = words(body.value);
        var outlet = outletOf(card);
        var text = NewsdeskWords.say("js.words", [n]);
        var over = false;
        if (outlet && outlet.limit) {
            over = n > outlet.limit;
            text = over ? NewsdeskWords.say("js.wordsOver", [n, outlet.limit, outlet.name, n - outlet.limit])
                : NewsdeskWords.say("js.wordsOf", [n, outlet.limit, outlet.name]);
        }
        out.textContent = text;
        out.classList.toggle("over", over);
    }

    // ---- The outlet from the article's address ----------------------------------------------------------------
    function hostOf(address) {
        try {
            var url = new URL(address.trim());
            return /^https?:$/.test(url.protocol) ? url.hostname.toLowerCase().replace(/^www\./, "") : null;
        } catch (ignored) {
            return null;
        }
    }

    function onDomain(host, domain) {
        domain = (domain || "").toLowerCase();
        return !!domain && (host === domain || host.endsWith("." + domain));
    }

    function suggestOutlet(card) {
        var url = card.querySelector("input[id$=':articleUrl']");
        var select = card.querySelector("select[id$=':outlet']");
        var hint = card.querySelector(".outlet-hint");
        if (!url || !select) {
            return;
        }
        if (!hint) {
            hint = document.createElement("p");
            hint.className = "hint outlet-hint";
            hint.setAttribute("aria-live", "polite");
            url.after(hint);
        }
        var host = hostOf(url.value);
        hint.textContent = "";
        hint.classList.remove("warning");
        if (!host) {
            return;
        }
        var match = outlets.find(function (o) { return onDomain(host, o.domain); });
        if (!select.value && match) {
            select.value = String(match.id);
            select.setAttribute("data-suggested", String(match.id));
            select.dispatchEvent(new Event("change", {bubbles: true}));
        }
        var chosen = outletOf(card);
        if (chosen && onDomain(host, chosen.domain)) {
            if (select.getAttribute("data-suggested") === select.value) {
                hint.textContent = NewsdeskWords.say("js.outletFromAddress", [chosen.name]);
            }
        } else if (chosen) {
            hint.textContent = match ? NewsdeskWords.say("js.otherDomainMeant", [host, chosen.domain, chosen.name, match.name])
                : NewsdeskWords.say("js.otherDomain", [host, chosen.domain, chosen.name]);
            hint.classList.add("warning");
        } else {
            hint.textContent = NewsdeskWords.say("js.notInRegistry", [host]);
        }
    }

    // ---- The registry's notes on the chosen outlet --------------------------------------------------------------
    function showNotes(card) {
        var out = card.querySelector(".outlet-notes");
        if (out) {
            var outlet = outletOf(card);
            out.textContent = outlet && outlet.notes ? NewsdeskWords.say("js.outletNotes", [outlet.name, outlet.notes]) : "";
        }
    }

    function refreshAll() {
        form.querySelectorAll(".excerpt-card").forEach(function (card) {
            countWords(card);
            suggestOutlet(card);
            showNotes(card);
        });
    }

    // ---- Autosave ----------------------------------------------------------------------------------------------
    var AFTER_CHANGE = 3000;
    var HEARTBEAT = 20000;
    var changeTimer = null;

    // Faces Ajax, sent by hand: faces.js would send a form with file fields through a hidden frame, which the
    // content security policy forbids (frame-ancestors 'none'); the same request as multipart form data goes
    // by XMLHttpRequest, and faces.ajax.response applies the answer as faces.js does. One request at a time,
    // as the view state requires. The whole form is sent, so nothing typed is lost, and the parts the button
    // names in data-render are drawn again.
    var queue = [];
    var sending = false;

    function ajax(button, event) {
        if (event) {
            event.preventDefault();
        }
        queue.push(button);
        if (!sending) {
            next();
        }
    }

    function next() {
        var button = queue.shift();
        if (!button) {
            sending = false;
            form.removeAttribute("aria-busy");
            if (waitingSubmit) {
                var submitter = byId(waitingSubmit.id) || waitingSubmit;
                waitingSubmit = null;
                if (typeof form.requestSubmit === "function") {
                    form.requestSubmit(submitter);
                } else {
                    submitter.click();
                }
            }
            return;
        }
        sending = true;
        form.setAttribute("aria-busy", "true");
        // The button may have been drawn again while it waited: send the one on the page now.
        button = byId(button.id) || button;
        var render = button.getAttribute("data-render");
        var data = partial(button);
        if (button.id === "edit:autosave") {
            unsaved = false;
        }
        var request = new XMLHttpRequest();
        request.open("POST", form.action);
        request.setRequestHeader("Faces-Request", "partial/ajax");
        var context = {sourceid: button, formId: form.id, render: render};
        var sent = values();
        var finish = function () {
            setTimeout(next, 0);
        };
        request.onload = function () {
            try {
                if (request.status >= 200 && request.status < 300 && request.responseXML) {
                    var typed = values();
                    var active = document.activeElement;
                    faces.ajax.response(request, context);
                    if (button.id !== "edit:autosave") {
                        keepTyping(button, sent, typed);
                        refreshAll();
                        focusAfter(button.id, active);
                    }
                } else {
                    failed(request.status);
                }
            } finally {
                finish();
            }
        };
        request.onerror = function () {
            failed(0);
            finish();
        };
        request.send(data);
    }

    // The Faces Ajax request a button makes: the whole form, and which parts to draw again.
    function partial(button) {
        var data = new FormData(form);
        data.append(button.name, button.value);
        data.append("jakarta.faces.source", button.id);
        data.append("jakarta.faces.partial.event", "click");
        data.append("jakarta.faces.partial.execute", form.id);
        data.append("jakarta.faces.partial.render", button.getAttribute("data-render"));
        data.append("jakarta.faces.behavior.event", "action");
        data.append("jakarta.faces.partial.ajax", "true");
        return data;
    }

    // Leaving (a reload, a closed tab) within seconds of a change: the autosave goes out anyway, as the page
    // is put away; the browser sends it after the page is gone (keepalive).
    var unsaved = false;
    var submitting = false;
    window.addEventListener("pagehide", function () {
        // Presence ends with the page: the others stop seeing this person "also editing now" at once.
        var post = form.dataset.post;
        if (post && navigator.sendBeacon && !submitting) {
            navigator.sendBeacon(form.action.replace(/\/admin\/posts\/edit.*$/, "/admin/posts/leave?post=" + encodeURIComponent(post)));
        }
        var button = byId("edit:autosave");
        if (!unsaved || submitting || !button || typeof fetch !== "function") {
            return;
        }
        try {
            fetch(form.action, {method: "POST", body: partial(button), keepalive: true, credentials: "same-origin",
                headers: {"Faces-Request": "partial/ajax"}});
        } catch (ignored) {
            // Too large to send on the way out: the autosave of a few seconds ago stands.
        }
    });

    // What the fields hold, by id.
    function values() {
        var found = {};
        Array.prototype.forEach.call(form.elements, function (field) {
            if (field.id && !/^(file|submit|button|hidden|image)$/.test(field.type)) {
                found[field.id] = field.type === "checkbox" || field.type === "radio" ? field.checked : field.value;
            }
        });
        return found;
    }

    // Whatever was typed while the request was on its way is put back into the fields drawn again (as the
    // server had not seen it), and the keyboard stays in the field it was in. Not after a move or a removal:
    // the same id then names another excerpt or link.
    function keepTyping(button, sent, typed) {
        if (!/:(up|down|remove|removeRelated|upRelated|downRelated)$/.test(button.id)) {
            Object.keys(typed).forEach(function (id) {
                var field = byId(id);
                if (typed[id] !== sent[id] && field) {
                    if (typeof typed[id] === "boolean") {
                        field.checked = typed[id];
                    } else {
                        field.value = typed[id];
                    }
                    field.dispatchEvent(new Event("input", {bubbles: true}));
                }
            });
        }
    }

    // A Save or a workflow step pressed while a request is on its way waits for it: else a chosen photo would be
    // uploaded twice, once by each.
    var waitingSubmit = null;
    form.addEventListener("submit", function (event) {
        if (sending || queue.length) {
            event.preventDefault();
            event.stopImmediatePropagation();
            waitingSubmit = event.submitter || null;
        } else {
            submitting = true;
        }
    }, true);

    function failed(status) {
        var state = form.querySelector(".autosave-state");
        if (state) {
            state.textContent = NewsdeskWords.say(status === 413 ? "js.tooLarge" : "js.noAnswer");
        }
    }

    // One autosave waiting is enough: it sends the form as it is when its turn comes.
    function autosave() {
        var button = byId("edit:autosave");
        if (button && faces && queue.indexOf(button) < 0) {
            ajax(button, null);
        }
    }

    if (faces && faces.ajax) {
        form.addEventListener("click", function (event) {
            var button = event.target.closest && event.target.closest("[data-render]");
            if (button && !button.disabled) {
                event.preventDefault();
                ajax(button, event);
            }
        });
        // A chosen photo is uploaded at once; the Upload button is for pages without scripts.
        form.addEventListener("change", function (event) {
            if (event.target.type === "file" && event.target.files.length) {
                var upload = byId(event.target.id.replace(/photoFile$/, "upload"));
                if (upload) {
                    ajax(upload, null);
                }
            }
        });
        form.classList.add("ajax");
    }

    function changed(event) {
        var target = event.target;
        if (!target || target.id === "edit:autosave" || target.type === "file" || (target.id || "").indexOf("pickerQuery") >= 0) {
            return;
        }
        var card = target.closest && target.closest(".excerpt-card");
        if (card) {
            countWords(card);
            showNotes(card);
            // Not for the change this script itself makes when it picks the outlet: its note would be wiped.
            if (event.isTrusted && /:(articleUrl|outlet)$/.test(target.id || "")) {
                suggestOutlet(card);
            }
        }
        unsaved = true;
        clearTimeout(changeTimer);
        changeTimer = setTimeout(autosave, AFTER_CHANGE);
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    setInterval(function () {
        if (!document.hidden) {
            autosave();
        }
    }, HEARTBEAT);

    // ---- Keyboard ----------------------------------------------------------------------------------------------
    form.addEventListener("keydown", function (event) {
        var card = event.target.closest && event.target.closest(".excerpt-card");
        if (card && event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
            var button = card.querySelector(event.key === "ArrowUp" ? "input[id$=':up']" : "input[id$=':down']");
            if (button) {
                event.preventDefault();
                button.click();
            }
        } else if ((event.ctrlKey || event.metaKey) && event.key === "s") {
            var save = byId("edit:save");
            if (save) {
                event.preventDefault();
                save.click();
            }
        }
    });

    // Where the keyboard goes once Faces Ajax has drawn the excerpts again: where it was, in the excerpt's new
    // place when an excerpt moved; on the excerpt before one removed; in a new excerpt or link.
    function focusAfter(sourceId, active) {
        var m = /^edit:excerpts:(\d+):/.exec(sourceId);
        var index = m ? Number(m[1]) : -1;
        var action = sourceId.replace(/^.*:/, "");
        var activeId = active && active.id;
        var target = null;
        var announce = "";
        var cards = form.querySelectorAll(".excerpt-card");
        if (action === "addExcerpt") {
            var last = cards[cards.length - 1];
            target = last && last.querySelector("select[id$=':outlet']");
            announce = NewsdeskWords.say("js.excerptAdded", [cards.length]);
        } else if (action === "up" || action === "down") {
            var to = index + (action === "up" ? -1 : 1);
            var prefix = "edit:excerpts:" + index + ":";
            if (activeId && activeId.indexOf(prefix) === 0 && activeId !== sourceId) {
                // Moved from within one of its fields (Alt+arrow): the keyboard stays in that field.
                target = byId("edit:excerpts:" + to + ":" + activeId.substring(prefix.length));
            }
            target = target || byId("edit:excerpts:" + to + ":" + action) || byId("edit:excerpts:" + to + ":" + (action === "up" ? "down" : "up"));
            announce = NewsdeskWords.say("js.excerptMoved", [to + 1, cards.length]);
        } else if (action === "remove") {
            var card = cards[Math.max(0, index - 1)];
            target = card ? card.querySelector("h2") : byId("edit:addExcerpt");
            announce = NewsdeskWords.say("js.excerptRemoved");
        } else if (action === "addRelated") {
            var titles = form.querySelectorAll("[id^='edit:excerpts:" + index + ":related:'][id$=':title']");
            target = titles[titles.length - 1];
        } else if (action === "upRelated" || action === "downRelated") {
            var link = Number(/:related:(\d+):/.exec(sourceId)[1]) + (action === "upRelated" ? -1 : 1);
            var base = "edit:excerpts:" + index + ":related:" + link + ":";
            target = byId(base + action) || byId(base + (action === "upRelated" ? "downRelated" : "upRelated"));
            announce = NewsdeskWords.say("js.linkMoved", [link + 1]);
        } else if (action === "removeRelated") {
            target = byId("edit:excerpts:" + index + ":addRelated");
        } else if (activeId && activeId !== sourceId && byId(activeId)) {
            // An upload or a picker step while typing elsewhere: the keyboard stays where it was.
            target = byId(activeId);
        } else {
            target = byId(sourceId) || byId("edit:excerpts:" + index + ":photoFile");
        }
        if (target && target.offsetParent !== null) {
            target.focus();
            if (active && typeof active.selectionStart === "number" && target.id === activeId && typeof target.setSelectionRange === "function") {
                try {
                    target.setSelectionRange(active.selectionStart, active.selectionEnd);
                } catch (ignored) {
                    // Not a text field.
                }
            }
        }
        var live = byId("compose-announcer");
        if (live && announce) {
            live.textContent = announce;
        }
    }

    if (faces && faces.ajax) {
        faces.ajax.addOnError(function (data) {
            failed(data.responseCode);
        });
    }

    var announcer = document.createElement("p");
    announcer.id = "compose-announcer";
    announcer.className = "visually-hidden";
    announcer.setAttribute("aria-live", "polite");
    form.append(announcer);
    refreshAll();
}());
