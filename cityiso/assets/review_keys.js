// Keyboard review of the curator's queue. Runs in a Streamlit component's iframe (same origin as the app) and listens
// on the app's document; it clicks the page's own buttons (found by their keys' .st-key-<key> classes), so every
// decision goes through the page's callbacks and checks. It carries no text from the data or the page.
(() => {
  const app = window.parent;
  const doc = app.document;
  const ACTIONS = {
    j: "kb_next_row", k: "kb_prev_row", n: "kb_next_doc", p: "kb_prev_doc",
    a: "kb_accept", r: "kb_reject", m: "kb_merge", e: "kb_edit", A: "kb_accept_rest", s: "write",
  };
  const reviewing = () => doc.querySelector(".st-key-kb_next_row button") !== null;
  const click = (key) => {
    const button = doc.querySelector(`.st-key-${key} button`);
    if (button && !button.disabled) {
      button.click();
      return true;
    }
    return false;
  };
  // Never while typing: a text field, a text area, a select, anything editable (a data grid's cell editor too).
  const typing = (target) =>
    target instanceof app.HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.closest("[contenteditable]"));

  // After a key, once the page has drawn the move, the current row is scrolled into view.
  let pending = 0;
  const observer = new app.MutationObserver(() => {
    if (!pending || performance.now() - pending > 15000) return;
    const root = doc.querySelector("[data-testid='stApp']");
    const row = doc.querySelector(".st-key-cursor-row");
    if (row && root && root.dataset.testScriptState === "notRunning") {
      row.scrollIntoView({ block: "nearest" });
      pending = 0;
    }
  });

  function onKey(event) {
    if (!reviewing()) {
      doc.removeEventListener("keydown", onKey, true);
      observer.disconnect();
      return;
    }
    if (event.ctrlKey || event.altKey || event.metaKey || typing(event.target)) return;
    const key = event.key === "a" || event.key === "A" ? event.key : event.key.toLowerCase();
    const action = key === "A" && !event.shiftKey ? "kb_accept" : ACTIONS[key];
    if (!action) return;
    if (click(action)) pending = performance.now();
    event.preventDefault();
    event.stopPropagation();
  }

  // One listener at a time: a rerun may draw this frame anew; the newest replaces the one before.
  const previous = app.__cityisoReviewKeys;
  if (previous) {
    doc.removeEventListener("keydown", previous.onKey, true);
    previous.observer.disconnect();
  }
  app.__cityisoReviewKeys = { onKey, observer, frame: window.frameElement };
  doc.addEventListener("keydown", onKey, true);
  observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-test-script-state"] });
})();
