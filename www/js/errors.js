// The "Engine error" panel: panics and worker failures, shown where a person will see them.

export function showError(text) {
  const panel = document.getElementById('errors');
  const pre = document.getElementById('errors-text');
  pre.textContent = pre.textContent ? `${pre.textContent}\n\n${text}` : text;
  panel.hidden = false;
}
