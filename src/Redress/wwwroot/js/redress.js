// Keyboard use of the case lists (issue 3): j/k or arrows move, Enter opens, "/" searches, "n" starts a new case.
window.redress = (function () {
    let bound = false;
    function typing(e) {
        const t = e.target;
        return t && (t.isContentEditable || /^(input|textarea|select)$/i.test(t.tagName));
    }
    function rows() { return Array.from(document.querySelectorAll("tr[data-case-href]")); }
    function move(delta) {
        const all = rows();
        if (all.length === 0) return;
        let i = all.findIndex(r => r.classList.contains("selected"));
        if (i >= 0) all[i].classList.remove("selected");
        i = Math.max(0, Math.min(all.length - 1, i < 0 ? 0 : i + delta));
        all[i].classList.add("selected");
        all[i].focus();
        all[i].scrollIntoView({ block: "nearest" });
    }
    function onKey(e) {
        if (e.ctrlKey || e.metaKey || e.altKey) return;
        if (e.key === "/" && !typing(e)) {
            const box = document.querySelector("#global-search");
            if (box) { e.preventDefault(); box.focus(); }
            return;
        }
        if (typing(e)) return;
        if (e.key === "j" || e.key === "ArrowDown") { if (rows().length) { e.preventDefault(); move(1); } }
        else if (e.key === "k" || e.key === "ArrowUp") { if (rows().length) { e.preventDefault(); move(-1); } }
        else if (e.key === "Enter") {
            const row = document.querySelector("tr[data-case-href].selected");
            if (row) { e.preventDefault(); Blazor.navigateTo(row.dataset.caseHref); }
        }
        else if (e.key === "n" && document.querySelector("a[href='/cases/new']")) { e.preventDefault(); Blazor.navigateTo("/cases/new"); }
    }
    // The intake page's acknowledgement (R-IN-4). navigator.clipboard exists only in a secure context (https or
    // localhost); over plain http the old way through a selected, hidden text area still works.
    async function copyText(text) {
        try {
            if (navigator.clipboard && window.isSecureContext) {
                await navigator.clipboard.writeText(text);
                return true;
            }
        } catch (e) {
            // Permission refused: try the old way.
        }
        const active = document.activeElement;
        const area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        let copied = false;
        try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
        area.remove();
        if (active && active.focus) active.focus();
        return copied;
    }
    return {
        listKeys: function () {
            if (bound) return;
            bound = true;
            document.addEventListener("keydown", onKey);
        },
        copyText: copyText,
        // After a refused submit: the first field with a message takes the focus, so the keyboard is where the fix is.
        focusFirst: function (selector) {
            const field = document.querySelector(selector);
            if (field) field.focus();
        }
    };
})();
