// www/docs-example.html: quotes each embed's latest run, from its threadlab:report message.
const frames = [...document.querySelectorAll('iframe[data-example]')];

window.addEventListener('message', ({ source, data }) => {
  if (data?.type !== 'threadlab:report') return;
  const frame = frames.find((f) => f.contentWindow === source);
  if (!frame) return;
  const { report } = data;
  const threads = report.threads.length;
  document.getElementById(`report-${frame.dataset.example}`).textContent =
    `The embed reported: ${report.mode} mode, ${(report.wall_ms / 1000).toFixed(2)} s, ${threads} thread${threads === 1 ? '' : 's'}` +
    `${report.mode === 'gil' ? `, ${report.gil_switches} GIL switches` : ''}${report.error ? `, ${report.error.type}` : ''}.`;
});
