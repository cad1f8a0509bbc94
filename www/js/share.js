// Share links: the code, mode, switch interval and preset in the URL's fragment (never sent to
// a server), compressed with CompressionStream('deflate-raw') and written in base64url.
//
//   #s=z.<base64url of deflate-raw(JSON)>   when the browser has CompressionStream
//   #s=j.<base64url of JSON>                the fallback without it
//
// Decoding accepts both, so a link made by either kind of browser opens in the other (except a
// compressed link in a browser that cannot decompress: then it says so).

const FORMAT_VERSION = 1;

/**
 * Longest share link this page makes or opens: its fragment, in characters. Chat apps and mail
 * clients cut longer links, and an uncapped one let an 893 KB link open a 200 MB program.
 */
export const MAX_LINK_CHARS = 64 * 1024;
/** Largest program (UTF-8 bytes, as JSON in the link) a link may unpack to. */
export const MAX_PROGRAM_BYTES = 256 * 1024;

const kb = (n) => `${Math.ceil(n / 1024)} KB`;

/** A share link (or code= parameter) past the caps above; `message` says which and by how much. */
export class LinkTooLong extends Error {}

function toBase64url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** Decompresses, stopping as soon as the output passes MAX_PROGRAM_BYTES (a deflate bomb). */
async function inflateCapped(bytes) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_PROGRAM_BYTES) {
      await reader.cancel();
      throw new LinkTooLong(`its program is larger than ${kb(MAX_PROGRAM_BYTES)}, the most a share link may hold`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Text as 'z.<base64url of deflate-raw>' (or 'j.<base64url>' without CompressionStream). */
async function pack(text, { compress = true } = {}) {
  const bytes = new TextEncoder().encode(text);
  if (compress && typeof CompressionStream === 'function') {
    return `z.${toBase64url(await pipe(bytes, new CompressionStream('deflate-raw')))}`;
  }
  return `j.${toBase64url(bytes)}`;
}

/** The text of pack()'s 'z.…' or 'j.…' (kind and base64url given apart); throws if damaged. */
async function unpack(kind, base64url) {
  if (base64url.length > MAX_LINK_CHARS) {
    throw new LinkTooLong(`the link is ${kb(base64url.length)} long, and threadlab opens share links up to ${kb(MAX_LINK_CHARS)}`);
  }
  let bytes = fromBase64url(base64url);
  if (kind === 'z') {
    if (typeof DecompressionStream !== 'function') {
      throw new Error('this browser cannot decompress share links (no DecompressionStream)');
    }
    bytes = await inflateCapped(bytes);
  } else if (bytes.length > MAX_PROGRAM_BYTES) {
    throw new LinkTooLong(`its program is larger than ${kb(MAX_PROGRAM_BYTES)}, the most a share link may hold`);
  }
  return new TextDecoder().decode(bytes);
}

/** Packs `text`, or throws LinkTooLong if the link would pass the caps. */
async function packCapped(text, options) {
  const size = new TextEncoder().encode(text).length;
  if (size > MAX_PROGRAM_BYTES) {
    throw new LinkTooLong(`This program is too long for a share link (${kb(size)}; links hold up to ${kb(MAX_PROGRAM_BYTES)}). Save it to a file instead.`);
  }
  const packed = await pack(text, options);
  if (packed.length > MAX_LINK_CHARS) {
    throw new LinkTooLong(`This program is too long for a share link: the link would be ${kb(packed.length)}, and links are capped at ${kb(MAX_LINK_CHARS)} (longer ones get cut by chat apps and mail). Save it to a file instead.`);
  }
  return packed;
}

/** The fragment (without '#') for a state { code, mode, switchInterval, preset }. */
export async function encodeState({ code, mode, switchInterval, preset }, options) {
  const json = JSON.stringify({ v: FORMAT_VERSION, code, mode, si: switchInterval, p: preset ?? null });
  return `s=${await packCapped(json, options)}`;
}

/** The state in a fragment ('#s=...' or 's=...'), or null if there is none; throws if it is damaged. */
export async function decodeState(fragment) {
  const m = /^#?s=([zj])\.([A-Za-z0-9_-]*)$/.exec(fragment || '');
  if (!m) return null;
  const data = JSON.parse(await unpack(m[1], m[2]));
  if (typeof data.code !== 'string') throw new Error('the share link holds no program');
  return {
    code: data.code,
    mode: typeof data.mode === 'string' ? data.mode : undefined,
    switchInterval: typeof data.si === 'number' ? data.si : undefined,
    preset: typeof data.p === 'string' ? data.p : null,
  };
}

/** One program alone, for an embed's code= parameter: packed as share links are, without JSON. */
export const encodeCode = (code) => packCapped(code);

/** The program in a code= parameter; throws if it is damaged. */
export async function decodeCode(value) {
  const m = /^([zj])\.([A-Za-z0-9_-]*)$/.exec(value || '');
  if (!m) throw new Error('the code parameter is not a threadlab program (z.… or j.…)');
  return unpack(m[1], m[2]);
}

/** A full URL for the state, on this page (or on `base`, a page's URL). */
export async function shareUrl(state, base = location.href) {
  const url = new URL(base);
  url.hash = await encodeState(state);
  return url.toString();
}
