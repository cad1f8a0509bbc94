// The code editor: CodeMirror 6 (www/vendor/codemirror.js, bundled by ./build.sh build) with
// Python highlighting, line numbers, and a run's error marked at its line (line colour, gutter
// marker, message under the line). If the bundle is missing, a plain <textarea> stands in, so
// the page still works.
import { adoptEditorStyles } from './editor-styles.js';

/**
 * A plain <textarea> at once (Run does not wait for the editor bundle), swapped for CodeMirror
 * when www/vendor/codemirror.js has loaded, with the text, the selection, the focus and a marked
 * error carried over. If the bundle is missing, the textarea stays.
 * @param {HTMLElement} parent
 * @param {object} options
 * @param {string} options.doc          the first program
 * @param {(code: string) => void} options.onChange  after every change of the text
 * @param {() => void} options.onRun    Ctrl/Cmd+Enter
 * @param {string} options.label        accessible name of the editor
 * @returns {Promise<object>} the editor (its `upgraded` promise settles after the swap)
 */
export async function createEditor(parent, options) {
  let inner = textareaEditor(parent, options);
  let error = null; // { line, message } while one is marked
  const editor = {
    get kind() { return inner.kind; },
    get view() { return inner.view; },
    getCode: () => inner.getCode(),
    setCode: (text) => { error = null; inner.setCode(text); },
    replace: (from, to, text) => inner.replace(from, to, text),
    markError(line, message) {
      error = { line, message };
      inner.markError(line, message);
    },
    clearError() {
      error = null;
      inner.clearError();
    },
    focus: () => inner.focus(),
  };
  editor.upgraded = import('../vendor/codemirror.js').then((cm) => {
    const plain = inner;
    const { anchor, head, focused } = plain.selection();
    inner = codeMirrorEditor(cm, parent, { ...options, doc: plain.getCode(), selection: { anchor, head } });
    plain.remove();
    if (error) inner.markError(error.line, error.message);
    if (focused) inner.focus();
  }, (e) => {
    console.warn(`CodeMirror bundle not loaded (${e.message}); keeping the plain text area`);
  });
  return editor;
}

function codeMirrorEditor(cm, parent, { doc, selection, onChange, onRun, label }) {
  const {
    EditorView, EditorState, StateField, StateEffect, Decoration, GutterMarker, gutter, WidgetType,
    RangeSet, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars,
    drawSelection, defaultKeymap, history, historyKeymap, indentWithTab, syntaxHighlighting,
    HighlightStyle, indentOnInput, bracketMatching, indentUnit, tags: t, python, StyleModule,
  } = cm;
  adoptEditorStyles(StyleModule);

  // --- the error: one line at a time, kept until the next run, moved along with edits ---------
  const setError = StateEffect.define();
  const clearError = StateEffect.define();

  class ErrorMessage extends WidgetType {
    constructor(text) {
      super();
      this.text = text;
    }
    eq(other) {
      return other.text === this.text;
    }
    toDOM() {
      const div = document.createElement('div');
      div.className = 'cm-error-message';
      div.setAttribute('role', 'alert');
      div.textContent = this.text;
      return div;
    }
  }

  class ErrorMarker extends GutterMarker {
    constructor(spacer = false) {
      super();
      this.spacer = spacer;
    }
    eq(other) {
      return other.spacer === this.spacer;
    }
    toDOM() {
      const span = document.createElement('span');
      span.className = this.spacer ? 'cm-error-spacer' : 'cm-error-marker';
      span.textContent = '●';
      if (!this.spacer) span.title = 'error on this line';
      return span;
    }
  }
  const errorMarker = new ErrorMarker();

  const errorField = StateField.define({
    create: () => ({ decorations: Decoration.none, markers: RangeSet.empty }),
    update(value, tr) {
      let { decorations, markers } = value;
      decorations = decorations.map(tr.changes);
      markers = markers.map(tr.changes);
      for (const e of tr.effects) {
        if (e.is(clearError)) {
          decorations = Decoration.none;
          markers = RangeSet.empty;
        } else if (e.is(setError)) {
          const lineNo = Math.min(Math.max(1, e.value.line), tr.state.doc.lines);
          const line = tr.state.doc.line(lineNo);
          decorations = Decoration.set([
            Decoration.line({ class: 'cm-error-line', attributes: { 'data-error-line': String(lineNo) } }).range(line.from),
            Decoration.widget({ widget: new ErrorMessage(e.value.message), block: true, side: 1 }).range(line.to),
          ]);
          markers = RangeSet.of([errorMarker.range(line.from)]);
        }
      }
      return { decorations, markers };
    },
    provide: (f) => EditorView.decorations.from(f, (v) => v.decorations),
  });

  const errorGutter = gutter({
    class: 'cm-error-gutter',
    markers: (view) => view.state.field(errorField).markers,
    initialSpacer: () => new ErrorMarker(true),
  });

  // --- looks: colours from CSS variables, so light and dark follow the page ---------------------
  const highlight = HighlightStyle.define([
    { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: 'var(--tok-keyword)', fontWeight: '600' },
    { tag: [t.string, t.special(t.string)], color: 'var(--tok-string)' },
    { tag: [t.number, t.bool, t.null], color: 'var(--tok-number)' },
    { tag: [t.comment, t.lineComment], color: 'var(--tok-comment)', fontStyle: 'italic' },
    { tag: [t.function(t.variableName), t.function(t.definition(t.variableName))], color: 'var(--tok-function)' },
    { tag: [t.definition(t.variableName), t.className, t.definition(t.className)], color: 'var(--tok-definition)' },
    { tag: [t.self, t.special(t.variableName)], color: 'var(--tok-keyword)' },
    { tag: [t.operator, t.punctuation, t.paren, t.brace, t.squareBracket], color: 'var(--tok-punct)' },
  ]);

  const theme = EditorView.theme({
    '&': { color: 'var(--text)', backgroundColor: 'var(--editor-bg)', fontSize: '14px', height: '100%' },
    '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
    '.cm-content': { caretColor: 'var(--text)' },
    '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '-3px' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--selection)' },
    '.cm-gutters': { backgroundColor: 'var(--editor-gutter)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
    '.cm-activeLine': { backgroundColor: 'var(--editor-active)' },
    '.cm-activeLineGutter': { backgroundColor: 'var(--editor-active)', color: 'var(--text)' },
    '.cm-matchingBracket': { backgroundColor: 'var(--selection)', outline: '1px solid var(--muted)' },
  });

  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      selection,
      extensions: [
        errorGutter,
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        indentUnit.of('    '),
        EditorState.tabSize.of(4),
        python(),
        syntaxHighlighting(highlight),
        highlightActiveLine(),
        errorField,
        theme,
        keymap.of([
          { key: 'Mod-Enter', run: () => (onRun(), true), preventDefault: true },
          ...defaultKeymap,
          ...historyKeymap,
          indentWithTab,
        ]),
        EditorView.contentAttributes.of({ 'aria-label': label, 'aria-describedby': 'editor-help' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange(u.state.doc.toString());
        }),
      ],
    }),
  });

  return {
    kind: 'codemirror',
    view,
    getCode: () => view.state.doc.toString(),
    setCode(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, effects: clearError.of(null) });
    },
    replace(from, to, text) {
      view.dispatch({ changes: { from, to, insert: text } });
    },
    markError(line, message) {
      view.dispatch({ effects: setError.of({ line, message }) });
      const lineNo = Math.min(Math.max(1, line), view.state.doc.lines);
      view.dispatch({ effects: EditorView.scrollIntoView(view.state.doc.line(lineNo).from, { y: 'center' }) });
    },
    clearError() {
      view.dispatch({ effects: clearError.of(null) });
    },
    focus: () => view.focus(),
  };
}

/** The editor until CodeMirror has loaded (or for good if it cannot): same interface, no highlighting. */
function textareaEditor(parent, { doc, onChange, onRun, label }) {
  const area = document.createElement('textarea');
  area.className = 'plain-editor';
  area.value = doc;
  area.spellcheck = false;
  area.setAttribute('aria-label', label);
  area.setAttribute('aria-describedby', 'editor-help');
  const message = document.createElement('div');
  message.className = 'cm-error-message';
  message.setAttribute('role', 'alert');
  message.hidden = true;
  parent.append(area, message);
  area.addEventListener('input', () => onChange(area.value));
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onRun();
    }
  });
  return {
    kind: 'textarea',
    getCode: () => area.value,
    setCode(text) {
      area.value = text;
      message.hidden = true;
      onChange(text);
    },
    replace(from, to, text) {
      area.setRangeText(text, from, to, 'preserve');
      onChange(area.value);
    },
    markError(line, text) {
      message.textContent = `line ${line}: ${text}`;
      message.dataset.errorLine = String(line);
      message.hidden = false;
    },
    clearError() {
      message.hidden = true;
    },
    focus: () => area.focus(),
    selection: () => ({
      anchor: area.selectionDirection === 'backward' ? area.selectionEnd : area.selectionStart,
      head: area.selectionDirection === 'backward' ? area.selectionStart : area.selectionEnd,
      focused: document.activeElement === area,
    }),
    remove() {
      area.remove();
      message.remove();
    },
  };
}
