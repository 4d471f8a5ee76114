// Keyboard shortcuts for the moderation queue, as in WordPress and Gmail: j/k move between comments,
// x selects, a/s/t/r approve, spam, trash or restore the current one, e opens it to edit or reply.
// Every action is an ordinary button in the Faces form, so the keyboard only clicks what a mouse could.
(function () {
    "use strict";
    var items = Array.prototype.slice.call(document.querySelectorAll(".queue-item"));
    var selectAll = document.querySelector(".select-all");
    if (selectAll) {
        selectAll.addEventListener("change", function () {
            document.querySelectorAll(".queue-item .select-box").forEach(function (box) {
                box.checked = selectAll.checked;
            });
        });
    }
    if (!items.length) {
        return;
    }
    var current = 0;

    function focus(index) {
        items[current].classList.remove("current");
        current = Math.max(0, Math.min(items.length - 1, index));
        items[current].classList.add("current");
        items[current].focus({preventScroll: true});
        items[current].scrollIntoView({block: "nearest"});
    }

    items.forEach(function (item, index) {
        item.addEventListener("click", function () {
            if (current !== index) {
                focus(index);
            }
        });
    });

    document.addEventListener("keydown", function (event) {
        var target = event.target;
        var typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
            && target.type !== "checkbox";
        if (typing || event.ctrlKey || event.metaKey || event.altKey) {
            return;
        }
        var item = items[current];
        var key = event.key;
        if (key === "j") {
            focus(current + 1);
        } else if (key === "k") {
            focus(current - 1);
        } else if (key === "x") {
            var box = item.querySelector(".select-box");
            box.checked = !box.checked;
        } else {
            var action = item.querySelector("[data-key='" + key + "']");
            if (!action) {
                return;
            }
            action.click();
        }
        event.preventDefault();
    });

    focus(0);
}());
