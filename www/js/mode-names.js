// Every name the page shows for a mode, in one place (the engine's list: ../threadlab/modes.js).
import { MODES, NEEDS_ISOLATION } from '../threadlab/modes.js';

export { MODES, NEEDS_ISOLATION };

/** In sentences, headings and tables. */
export const MODE_LABELS = Object.freeze({ sequential: 'sequential', gil: 'GIL', free: 'free-threaded' });

/** Under a chart's bars, where space is short (`short` when even that does not fit). */
export const MODE_BAR_LABELS = Object.freeze({ sequential: 'sequential', gil: 'GIL', free: 'free' });
export const MODE_BAR_SHORT = Object.freeze({ sequential: 'seq.' });

/** Why a mode cannot run on this page, or null if it can. */
export function modeUnavailable(mode, { isolated }) {
  return !isolated && NEEDS_ISOLATION.includes(mode) ? 'needs a cross-origin isolated page' : null;
}
