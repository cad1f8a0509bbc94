// A short notice under the header (a new deploy took over): text and an optional action.

const el = (id) => document.getElementById(id);

export function showNotice(text, action) {
  el('notice-text').textContent = text;
  const button = el('notice-action');
  button.hidden = !action;
  if (action) {
    button.textContent = action.label;
    button.onclick = action.run;
  }
  el('notice').hidden = false;
}
