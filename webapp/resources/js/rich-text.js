// The compose page's paragraph editor, on ProseMirror (shipped as webjars; the page's import map names them).
// Each <textarea class="rich-text"> becomes an editor whose schema holds exactly what an excerpt may: paragraphs,
// line breaks, bold, italic and http(s) links. Pasting from a source article keeps paragraphs and links and
// drops everything else, because the schema has no place for it. The textarea stays in the form, hidden, and
// holds what the server reads: paragraphs separated by a blank line, inline markup as <b>, <i>, <a href>
// (ExcerptMarkup.fromEditorText). The server still sanitizes it. Without JavaScript the textarea is the editor.
import {DOMParser, Schema} from "prosemirror-model";
import {EditorState} from "prosemirror-state";
import {EditorView} from "prosemirror-view";
import {keymap} from "prosemirror-keymap";
import {baseKeymap, chainCommands, exitCode, toggleMark} from "prosemirror-commands";
import {history, redo, undo} from "prosemirror-history";

const WEB_ADDRESS = /^https?:\/\/[^\s]+$/i;

const schema = new Schema({
    nodes: {
        doc: {content: "paragraph+"},
        paragraph: {
            content: "inline*",
            group: "block",
            // Headings, list items and quotes of a pasted article become paragraphs of the excerpt.
            parseDOM: [{tag: "p"}, {tag: "h1"}, {tag: "h2"}, {tag: "h3"}, {tag: "h4"}, {tag: "h5"}, {tag: "h6"},
                {tag: "li"}, {tag: "dt"}, {tag: "dd"}, {tag: "pre", preserveWhitespace: "full"}],
            toDOM: () => ["p", 0]
        },
        text: {group: "inline"},
        hard_break: {inline: true, group: "inline", selectable: false, parseDOM: [{tag: "br"}], toDOM: () => ["br"]}
    },
    marks: {
        link: {
            attrs: {href: {}},
            inclusive: false,
            parseDOM: [{
                tag: "a[href]",
                getAttrs: dom => WEB_ADDRESS.test(dom.getAttribute("href") || "") ? {href: dom.getAttribute("href")} : false
            }],
            toDOM: mark => ["a", {href: mark.attrs.href, rel: "noopener noreferrer"}, 0]
        },
        strong: {
            parseDOM: [{tag: "strong"}, {tag: "b", getAttrs: node => node.style.fontWeight !== "normal" && null},
                {style: "font-weight", getAttrs: value => /^(bold(er)?|[5-9]\d{2,})$/.test(value) && null}],
            toDOM: () => ["b", 0]
        },
        em: {
            parseDOM: [{tag: "i"}, {tag: "em"}, {style: "font-style=italic"}],
            toDOM: () => ["i", 0]
        }
    }
});

// ---- The textarea's text and the editor's document -------------------------------------------------------

/** The textarea's text (paragraphs separated by blank lines, inline HTML) as a document of the schema. */
function parse(text) {
    const holder = document.createElement("div");
    const paragraphs = (text || "").trim().split(/\r?\n\s*\r?\n/);
    for (const paragraph of paragraphs) {
        const p = document.createElement("p");
        // Parsed inert: a <template>'s content runs no scripts and loads nothing; the schema keeps only its markup.
        const template = document.createElement("template");
        template.innerHTML = paragraph.trim().replace(/\r?\n/g, "<br>");
        p.append(template.content);
        holder.append(p);
    }
    return DOMParser.fromSchema(schema).parse(holder);
}

const ENTITY = /&(?=#?[a-z0-9]+;)/gi;

function escapeText(text) {
    // An ampersand is written as one unless it would start a character reference; < and > never open a tag.
    return text.replace(ENTITY, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const OPEN = {strong: () => "<b>", em: () => "<i>", link: mark => "<a href=\"" + mark.attrs.href.replace(/"/g, "&quot;") + "\">"};
const CLOSE = {strong: "</b>", em: "</i>", link: "</a>"};

/** The document as the textarea's text. */
function serialize(doc) {
    const paragraphs = [];
    doc.forEach(paragraph => {
        let out = "";
        let open = [];
        paragraph.forEach(node => {
            const marks = node.isText ? node.marks : [];
            // Close the marks this node does not carry (and those opened after them), then open its new ones.
            let keep = 0;
            while (keep < open.length && keep < marks.length && open[keep].eq(marks[keep])) {
                keep++;
            }
            for (let i = open.length - 1; i >= keep; i--) {
                out += CLOSE[open[i].type.name];
            }
            open = open.slice(0, keep);
            for (let i = keep; i < marks.length; i++) {
                out += OPEN[marks[i].type.name](marks[i]);
                open.push(marks[i]);
            }
            out += node.isText ? escapeText(node.text) : "\n";
        });
        for (let i = open.length - 1; i >= 0; i--) {
            out += CLOSE[open[i].type.name];
        }
        if (out.trim()) {
            paragraphs.push(out.trim());
        }
    });
    return paragraphs.join("\n\n");
}

// ---- The toolbar --------------------------------------------------------------------------------------------

function markActive(state, type) {
    const {from, $from, to, empty} = state.selection;
    return empty ? !!type.isInSet(state.storedMarks || $from.marks()) : state.doc.rangeHasMark(from, to, type);
}

function button(label, title, shortcut) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "button small";
    b.textContent = label;
    b.title = title + " (" + shortcut + ")";
    b.setAttribute("aria-label", title);
    b.setAttribute("aria-pressed", "false");
    return b;
}

function attach(textarea) {
    if (textarea.dataset.richText === "on") {
        return;
    }
    textarea.dataset.richText = "on";
    const label = document.querySelector("label[for='" + CSS.escape(textarea.id) + "']");

    const wrapper = document.createElement("div");
    wrapper.className = "rich-text-editor";
    const toolbar = document.createElement("div");
    toolbar.className = "rich-text-toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", window.NewsdeskWords.say("js.format"));
    const bold = button(window.NewsdeskWords.say("js.boldFace"), window.NewsdeskWords.say("js.bold"), "Ctrl+B");
    bold.id = textarea.id + "-bold";
    bold.classList.add("bold");
    const italic = button(window.NewsdeskWords.say("js.italicFace"), window.NewsdeskWords.say("js.italic"), "Ctrl+I");
    italic.id = textarea.id + "-italic";
    italic.classList.add("italic");
    const link = button(window.NewsdeskWords.say("js.link"), window.NewsdeskWords.say("js.link"), "Ctrl+K");
    link.id = textarea.id + "-link";
    link.classList.add("link");
    toolbar.append(bold, italic, link);

    // The address of a link, asked for in place (no dialog that would steal the page).
    const linkForm = document.createElement("div");
    linkForm.className = "rich-text-link";
    linkForm.hidden = true;
    const linkInput = document.createElement("input");
    linkInput.type = "url";
    linkInput.placeholder = "https://";
    linkInput.setAttribute("aria-label", window.NewsdeskWords.say("js.linkAddress"));
    const linkApply = document.createElement("button");
    linkApply.type = "button";
    linkApply.className = "button small";
    linkApply.id = textarea.id + "-apply-link";
    linkApply.textContent = window.NewsdeskWords.say("js.applyLink");
    const linkProblem = document.createElement("span");
    linkProblem.className = "link-problem";
    linkProblem.setAttribute("role", "alert");
    linkForm.append(linkInput, linkApply, linkProblem);

    const surface = document.createElement("div");
    wrapper.append(toolbar, linkForm, surface);
    textarea.after(wrapper);
    textarea.hidden = true;

    let view;
    const toggleLink = (state, dispatch) => {
        if (markActive(state, schema.marks.link)) {
            // On a link: remove it from the whole selection, or from the word the cursor is in.
            if (dispatch) {
                const {from, to, $from, empty} = state.selection;
                let start = from;
                let end = to;
                if (empty) {
                    const around = $from.parent.childAfter($from.parentOffset) || $from.parent.childBefore($from.parentOffset);
                    start = $from.start() + around.offset;
                    end = start + (around.node ? around.node.nodeSize : 0);
                }
                dispatch(state.tr.removeMark(start, end, schema.marks.link));
            }
            return true;
        }
        if (state.selection.empty) {
            return false;
        }
        if (dispatch) {
            linkForm.hidden = false;
            linkProblem.textContent = "";
            linkInput.value = "";
            linkInput.focus();
        }
        return true;
    };
    const applyLink = () => {
        const href = linkInput.value.trim();
        if (!WEB_ADDRESS.test(href)) {
            linkProblem.textContent = window.NewsdeskWords.say("js.linkProblem");
            linkInput.focus();
            return;
        }
        const {from, to} = view.state.selection;
        view.dispatch(view.state.tr.addMark(from, to, schema.marks.link.create({href})));
        linkForm.hidden = true;
        view.focus();
    };
    linkApply.addEventListener("click", applyLink);
    linkInput.addEventListener("keydown", event => {
        if (event.key === "Enter") {
            event.preventDefault();
            applyLink();
        } else if (event.key === "Escape") {
            event.preventDefault();
            linkForm.hidden = true;
            view.focus();
        }
    });

    const hardBreak = chainCommands(exitCode, (state, dispatch) => {
        if (dispatch) {
            dispatch(state.tr.replaceSelectionWith(schema.nodes.hard_break.create()).scrollIntoView());
        }
        return true;
    });
    const keys = {
        "Mod-z": undo, "Mod-y": redo, "Shift-Mod-z": redo,
        "Mod-b": toggleMark(schema.marks.strong), "Mod-i": toggleMark(schema.marks.em), "Mod-k": toggleLink,
        "Shift-Enter": hardBreak
    };

    const refresh = state => {
        bold.setAttribute("aria-pressed", String(markActive(state, schema.marks.strong)));
        italic.setAttribute("aria-pressed", String(markActive(state, schema.marks.em)));
        link.setAttribute("aria-pressed", String(markActive(state, schema.marks.link)));
        link.disabled = state.selection.empty && !markActive(state, schema.marks.link);
    };

    view = new EditorView(surface, {
        state: EditorState.create({doc: parse(textarea.value), plugins: [history(), keymap(keys), keymap(baseKeymap)]}),
        attributes: {
            class: "rich-text-surface",
            role: "textbox",
            "aria-multiline": "true",
            "aria-labelledby": label ? (label.id || (label.id = textarea.id + "-label")) : "",
            dir: "auto",
            spellcheck: "true"
        },
        dispatchTransaction(transaction) {
            const state = view.state.apply(transaction);
            view.updateState(state);
            refresh(state);
            if (transaction.docChanged) {
                textarea.value = serialize(state.doc);
                // The page's other scripts (word count, autosave, the unsaved-changes guard) hear the change.
                textarea.dispatchEvent(new Event("input", {bubbles: true}));
            }
        }
    });
    refresh(view.state);
    if (textarea.disabled || textarea.closest("fieldset[disabled]")) {
        view.setProps({editable: () => false});
        toolbar.hidden = true;
    }
    if (label) {
        label.addEventListener("click", () => view.focus());
    }
    const run = command => event => {
        event.preventDefault();
        command(view.state, view.dispatch, view);
        if (linkForm.hidden) {
            view.focus();
        }
    };
    // mousedown would move the focus away from the text before the command runs.
    bold.addEventListener("mousedown", event => event.preventDefault());
    italic.addEventListener("mousedown", event => event.preventDefault());
    link.addEventListener("mousedown", event => event.preventDefault());
    bold.addEventListener("click", run(toggleMark(schema.marks.strong)));
    italic.addEventListener("click", run(toggleMark(schema.marks.em)));
    link.addEventListener("click", run(toggleLink));
}

function attachAll(root) {
    root.querySelectorAll("textarea.rich-text").forEach(attach);
}

attachAll(document);
// Faces Ajax replaces parts of the form (an excerpt added, moved or removed): their textareas get editors too.
new MutationObserver(() => attachAll(document)).observe(document.body, {childList: true, subtree: true});
