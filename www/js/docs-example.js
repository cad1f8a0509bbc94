// www/docs-example.html: quotes each embed's latest run, from its threadlab:report message.
const frames = [...document.querySelectorAll('iframe[data-example]')];

window.addEventListener('message', ({ source, data }) => {
  const frame = frames.find((f) => f.contentWindow === source);
  if (!frame) return;
  // Each embed says how tall its content is: the iframe grows with it, so a run's timeline shows
  // whole instead of behind a scroll bar (at most 2000 px, whatever an embed claims).
  if (data?.type === 'threadlab:height' && Number.isFinite(data.height)) {
    frame.style.height = `${Math.min(2000, Math.max(200, data.height))}px`;
    return;
  }
  if (data?.type !== 'threadlab:report') return;
  const { report } = data;
  const threads = report.threads.length;
  document.getElementById(`report-${frame.dataset.example}`).textContent =
    `The embed reported: ${report.mode} mode, ${(report.wall_ms / 1000).toFixed(2)} s, ${threads} thread${threads === 1 ? '' : 's'}` +
    `${report.mode === 'gil' ? `, ${report.gil_switches} GIL switches` : ''}${report.error ? `, ${report.error.type}` : ''}.`;
});
