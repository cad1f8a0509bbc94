// The engine's run modes, as run(code, {mode}) and the report's `mode` name them. The one list:
// the page's labels (www/js/mode-names.js) are keyed by it.

export const MODES = Object.freeze(['sequential', 'gil', 'free']);

/** Modes that need Python threads on workers sharing one memory: a cross-origin isolated page. */
export const NEEDS_ISOLATION = Object.freeze(['free']);
