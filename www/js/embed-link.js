// The embed's address and its <iframe> snippet, for "Copy embed snippet" (and the docs).
//
//   embed.html?preset=lesson6&mode=gil&param.LATENCY=1.5&panels=output,timeline&autorun=1
//   embed.html?code=z.<base64url of deflate-raw(code)>&mode=gil
//
// A program that is a preset with some parameters moved is written as the preset and its
// parameters (short, readable, and it follows the preset if it is improved); any other program as
// code=, compressed the way share links are (www/js/share.js).
import { encodeCode } from './share.js';
import { withParams } from './params.js';

export const EMBED_PAGE = 'embed.html';
export const PANELS = ['output', 'timeline', 'compare'];
export const DEFAULT_PANELS = ['output', 'timeline'];

/** The embed's URL for a program (`base`: the page the URL is relative to). */
export async function embedUrl({ code, preset, mode, params = {}, panels = DEFAULT_PANELS, autorun = false, base }) {
  const url = new URL(EMBED_PAGE, base);
  const changed = preset ? changedParams(preset.code, params) : null;
  if (preset && withParams(preset.code, changed).code === code) {
    url.searchParams.set('preset', preset.id);
    for (const [name, value] of Object.entries(changed)) url.searchParams.set(`param.${name}`, String(value));
  } else {
    url.searchParams.set('code', await encodeCode(code));
  }
  if (mode) url.searchParams.set('mode', mode);
  if (panels.join() !== DEFAULT_PANELS.join()) url.searchParams.set('panels', panels.join(','));
  if (autorun) url.searchParams.set('autorun', '1');
  return url.toString();
}

/** The parameters whose value differs from the preset's own. */
function changedParams(presetCode, values) {
  return Object.fromEntries(
    Object.entries(values).filter(([name, v]) => withParams(presetCode, { [name]: v }).code !== presetCode),
  );
}

/**
 * The snippet a docs author pastes: allow="cross-origin-isolated" lets the embed use real threads
 * when the docs page itself is cross-origin isolated (otherwise it says what still works).
 */
export async function embedSnippet(options) {
  const src = await embedUrl(options);
  const title = options.preset ? `threadlab: ${options.preset.title}` : 'threadlab: a Python threading example';
  return `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="660" loading="lazy" allow="cross-origin-isolated"></iframe>`;
}

const escapeAttr = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
