// The parts of CodeMirror 6 the playground's editor uses, bundled once by `./build.sh build`
// (esbuild) into www/vendor/codemirror.js, a single ES module the page imports without a bundler.
// Export only what www/js/editor.js needs: everything else is tree-shaken away.
export {
  EditorView,
  keymap,
  lineNumbers,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  drawSelection,
  Decoration,
  GutterMarker,
  gutter,
  WidgetType,
} from '@codemirror/view';
export { EditorState, StateField, StateEffect, RangeSet, Compartment } from '@codemirror/state';
export { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
export {
  syntaxHighlighting,
  HighlightStyle,
  indentOnInput,
  bracketMatching,
  indentUnit,
} from '@codemirror/language';
export { tags } from '@lezer/highlight';
export { python } from '@codemirror/lang-python';
// The stylesheet manager CodeMirror writes its styles with: www/js/editor-styles.js moves them
// into a constructed stylesheet, which the page's Content-Security-Policy allows.
export { StyleModule } from 'style-mod';
