// CodeMirror 6 writes its styles (its base theme, our theme, the syntax colours) with style-mod,
// which puts them in a <style> element in <head> (only a shadow root gets a constructed
// stylesheet). The page's Content-Security-Policy has style-src 'self' and no 'unsafe-inline',
// so Chromium refuses that element and the editor would be unstyled. CodeMirror's documented
// way out, a CSP nonce (EditorView.cspNonce), needs a new nonce in every response, which a static
// host cannot send. So the same rules go into one constructed stylesheet adopted by the
// document: CSSOM is not inline markup, and CSP lets a page's own script build stylesheets.
//
// Adopted sheets come after the page's own in the cascade (style-mod's <style> came first), so
// the page overrides CodeMirror's rules with higher specificity or !important, as it already does.

/** Routes StyleModule.mount(document, ...) into a constructed stylesheet. Call before new EditorView. */
export function adoptEditorStyles(StyleModule) {
  if (StyleModule.threadlabAdopted) return;
  StyleModule.threadlabAdopted = true;
  const sheet = new CSSStyleSheet();
  const mounted = []; // the modules, in style-mod's order
  const mount = StyleModule.mount;
  StyleModule.mount = function (root, modules, options) {
    if (root.nodeType !== Node.DOCUMENT_NODE) return mount.call(this, root, modules, options);
    // style-mod's ordering: each module after the one before it in `modules`, moving one that
    // is already mounted earlier than that.
    let changed = false;
    let j = 0;
    for (const module of Array.isArray(modules) ? modules : [modules]) {
      let index = mounted.indexOf(module);
      if (index > -1 && index < j) {
        mounted.splice(index, 1);
        j--;
        index = -1;
        changed = true;
      }
      if (index === -1) {
        mounted.splice(j++, 0, module);
        changed = true;
      } else {
        j = index + 1;
      }
    }
    if (changed) sheet.replaceSync(mounted.map((m) => m.getRules()).join('\n'));
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  };
}
