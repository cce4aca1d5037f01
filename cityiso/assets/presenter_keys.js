// Keyboard control of the presenting page. Runs in a Streamlit component's iframe (same origin as the app) and
// listens on the app's document; it clicks the page's own buttons (found by their keys' .st-key-<key> classes), so
// every move goes through the page's callbacks. It carries no text from the data or the URL.
(() => {
  const app = window.parent;
  const doc = app.document;
  const ACTIONS = {
    ArrowRight: "next", ArrowDown: "next", PageDown: "next", " ": "next", Spacebar: "next",
    ArrowLeft: "previous", ArrowUp: "previous", PageUp: "previous",
    Home: "first", End: "last",
  };
  const presenting = () => doc.querySelector(".st-key-exit button") !== null;
  const click = (key) => {
    const button = doc.querySelector(`.st-key-${key} button`);
    if (button && !button.disabled) button.click();
  };
  const typing = (target) =>
    target instanceof app.HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

  function onKey(event) {
    if (!presenting()) {
      doc.removeEventListener("keydown", onKey, true);
      doc.removeEventListener("keyup", onKeyUp, true);
      return;
    }
    if (event.ctrlKey || event.altKey || event.metaKey || typing(event.target)) return;
    const key = event.key;
    if (key === "Escape") {
      // Esc first leaves the browser's full screen (the browser itself often takes that press), then presenting.
      if (doc.fullscreenElement) doc.exitFullscreen();
      else click("exit");
    } else if (key === "f" || key === "F") {
      if (doc.fullscreenElement) doc.exitFullscreen();
      else if (doc.fullscreenEnabled) doc.documentElement.requestFullscreen().catch(() => {});
    } else if (ACTIONS[key]) {
      click(ACTIONS[key]);
    } else {
      return;
    }
    event.preventDefault(); // no scrolling on Space or PageDown, no second click on a focused button
    event.stopPropagation();
  }
  // A focused button is activated by Space on key up: that would be a second move.
  function onKeyUp(event) {
    if (presenting() && (event.key === " " || event.key === "Spacebar") && !typing(event.target)) event.preventDefault();
  }

  // One listener at a time: a rerun may draw this frame anew; the newest replaces the one before.
  const previous = app.__cityisoPresenterKeys;
  if (previous) {
    doc.removeEventListener("keydown", previous.onKey, true);
    doc.removeEventListener("keyup", previous.onKeyUp, true);
  }
  // frame: the iframe this listener lives in; once a rerun has removed it, the listener may be gone with it.
  app.__cityisoPresenterKeys = { onKey, onKeyUp, frame: window.frameElement };
  doc.addEventListener("keydown", onKey, true);
  doc.addEventListener("keyup", onKeyUp, true);
})();
