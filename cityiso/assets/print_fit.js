// A printed chart is 90 mm tall or less (its svg keeps its proportions inside, centred), so it shares a page with
// what comes before it: the office profile's status and cycle print on one page.
// When printing starts (Ctrl+P fires beforeprint; print emulation changes the print media query), each chart's
// svgs get a viewBox of the size Plotly drew them at, so the print style can scale them; while printing, a chart
// redrawn at another size (a resize) gets its new one; afterwards they go (on screen, Plotly redraws at other sizes,
// where a stale viewBox would distort the chart).
(() => {
  if (window.cityisoPrintFit) return;
  window.cityisoPrintFit = true;
  const fit = (printing) => document.querySelectorAll('.js-plotly-plot .svg-container').forEach((box) => {
    const svgs = box.querySelectorAll(':scope > svg.main-svg');
    if (!printing) { svgs.forEach((s) => s.removeAttribute('viewBox')); return; }
    const w = svgs.length && svgs[0].getAttribute('width'), h = svgs.length && svgs[0].getAttribute('height');
    if (!w || !h) return;
    svgs.forEach((s) => s.setAttribute('viewBox', `0 0 ${w} ${h}`));
    box.style.setProperty('--cityiso-print-ratio', `${w} / ${h}`);
  });
  const redrawn = new MutationObserver(() => fit(true));
  const printing = (on) => {
    fit(on);
    if (on) redrawn.observe(document.body, {subtree: true, attributes: true, attributeFilter: ['width', 'height']});
    else redrawn.disconnect();
  };
  window.addEventListener('beforeprint', () => printing(true));
  window.addEventListener('afterprint', () => printing(false));
  window.matchMedia('print').addEventListener('change', (e) => printing(e.matches));
})();
