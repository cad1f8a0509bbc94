// The learner's program is never lost: the editor's content and settings are saved in
// localStorage on every change (so a reload, a crash of the tab or of the engine, keeps them),
// and a program that is about to be replaced while it holds edits (a lesson picked, a link
// opened) is kept in a short list the page offers to bring back.
//
//   draft: { code, base, preset, link, mode, switchIntervalMs }
//     base    the code it started from (a lesson's, a share link's): edited when code !== base
//     preset  the lesson it started from (id), or null
//     link    the share link's fragment it came from ('#s=…'), or null
//   kept:  [draft, ...], newest last, at most KEEP drafts

const DRAFT_KEY = 'threadlab:draft';
const KEPT_KEY = 'threadlab:kept';
/** Replaced programs kept for "Restore it": the newest ones. */
export const KEEP = 20;

// localStorage can be missing or full (private windows, quotas, a sandboxed iframe): the page
// still works, it only forgets.
function read(key) {
  try {
    const text = globalThis.localStorage?.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function write(key, value) {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

const isDraft = (d) => d && typeof d.code === 'string';

/** The saved draft, or null. */
export function loadDraft() {
  const d = read(DRAFT_KEY);
  return isDraft(d) ? d : null;
}

export function saveDraft(draft) {
  return write(DRAFT_KEY, draft);
}

/** Whether the draft holds edits of its own (not just a lesson's or a link's program). */
export const edited = (draft) => isDraft(draft) && draft.code !== draft.base && draft.code.trim() !== '';

/** Keeps `draft` for later (the newest KEEP); returns the list. */
export function keep(draft) {
  const list = keptDrafts().filter((d) => d.code !== draft.code);
  list.push({ ...draft, keptAt: Date.now() });
  const trimmed = list.slice(-KEEP);
  write(KEPT_KEY, trimmed);
  return trimmed;
}

export function keptDrafts() {
  const list = read(KEPT_KEY);
  return Array.isArray(list) ? list.filter(isDraft) : [];
}

/** Takes the newest kept draft off the list and returns it (null if there is none). */
export function takeKept() {
  const list = keptDrafts();
  const last = list.pop() ?? null;
  write(KEPT_KEY, list);
  return last;
}
