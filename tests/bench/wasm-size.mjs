// What is big in a wasm: function body sizes from the code section, named from the name
// section (build with names: www/pkg's wasm, wasm-opt -g), summed by crate and module path, and
// generic functions summed over their monomorphised copies (like `twiggy top` / `twiggy monos`).
//   node tests/bench/wasm-size.mjs www/pkg/threadlab_bg.wasm [--depth N] [--top N]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const depth = opt('depth', 2);
const top = opt('top', 40);
const buf = readFileSync(file);

let pos = 8;
const u32 = () => {
  let result = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    result |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return result >>> 0;
};
const name = () => {
  const len = u32();
  const s = buf.toString('utf8', pos, pos + len);
  pos += len;
  return s;
};

let importedFuncs = 0;
const bodies = [];
const names = new Map();
const sections = [];
let dataSize = 0;
while (pos < buf.length) {
  const id = buf[pos++];
  const size = u32();
  const start = pos;
  const end = pos + size;
  let label = String(id);
  if (id === 0) {
    label = `custom:${name()}`;
    if (label === 'custom:name') {
      while (pos < end) {
        const sub = buf[pos++];
        const subSize = u32();
        const subEnd = pos + subSize;
        if (sub === 1) {
          const count = u32();
          for (let i = 0; i < count; i++) {
            const idx = u32();
            names.set(idx, name());
          }
        }
        pos = subEnd;
      }
    }
  } else if (id === 2) {
    label = 'import';
    const count = u32();
    for (let i = 0; i < count; i++) {
      name(); name();
      const kind = buf[pos++];
      if (kind === 0) { u32(); importedFuncs++; }
      else if (kind === 1) { pos++; const f = buf[pos++]; u32(); if (f & 1) u32(); }
      else if (kind === 2) { const f = buf[pos++]; u32(); if (f & 1) u32(); }
      else if (kind === 3) { pos += 2; }
      else if (kind === 4) { pos++; u32(); }
    }
  } else if (id === 10) {
    label = 'code';
    const count = u32();
    for (let i = 0; i < count; i++) {
      const s = u32();
      bodies.push(s);
      pos += s;
    }
  } else if (id === 11) {
    label = 'data';
    dataSize = size;
  }
  sections.push([label, size]);
  pos = end;
}

const fmt = (n) => n.toLocaleString('en-US').padStart(10);
console.log(`${file}: ${buf.length.toLocaleString('en-US')} bytes, ${bodies.length} functions`);
for (const [label, size] of sections) console.log(`  section ${label.padEnd(28)} ${fmt(size)}`);

// `<T as Trait>::method` and `crate::path::<generic>` -> a path to group by.
const pathOf = (n) => {
  let s = n.replace(/::h[0-9a-f]{16}$/, '');
  const impl = s.match(/^<(.+?) as (.+?)>::/);
  if (impl) s = impl[1].startsWith('&') || /^[a-z_]+::/.test(impl[1]) ? impl[1] : impl[2];
  s = s.replace(/^<|^&(mut )?|^\*(const|mut) /g, '');
  return s.split('<')[0].split('::').filter((p) => p && !/^\{\{/.test(p));
};
const byGroup = new Map();
const byGeneric = new Map();
let named = 0;
bodies.forEach((size, i) => {
  const n = names.get(i + importedFuncs) ?? `func[${i}]`;
  if (names.has(i + importedFuncs)) named++;
  const key = pathOf(n).slice(0, depth).join('::') || n;
  byGroup.set(key, (byGroup.get(key) ?? 0) + size);
  // Generic copies share a name once their type arguments and hash are dropped.
  const generic = n.replace(/::h[0-9a-f]{16}$/, '').replace(/<[^<>]*(<[^<>]*(<[^<>]*>[^<>]*)*>[^<>]*)*>/g, '<_>');
  const g = byGeneric.get(generic) ?? { size: 0, copies: 0 };
  g.size += size;
  g.copies++;
  byGeneric.set(generic, g);
});
if (!named) console.log('  (no name section: build with names, e.g. www/pkg after ./build.sh build)');
console.log(`\nby path (depth ${depth}), top ${top}:`);
[...byGroup].sort((a, b) => b[1] - a[1]).slice(0, top)
  .forEach(([k, v]) => console.log(`${fmt(v)}  ${k}`));
console.log(`\ngeneric functions with the most copies (size, copies), top ${top}:`);
[...byGeneric].filter(([, g]) => g.copies > 2).sort((a, b) => b[1].size - a[1].size).slice(0, top)
  .forEach(([k, g]) => console.log(`${fmt(g.size)} ${String(g.copies).padStart(4)}x  ${k.slice(0, 150)}`));
console.log(`\nbiggest functions, top ${top}:`);
bodies.map((s, i) => [s, names.get(i + importedFuncs) ?? `func[${i}]`]).sort((a, b) => b[0] - a[0])
  .slice(0, top).forEach(([s, n]) => console.log(`${fmt(s)}  ${n.slice(0, 150)}`));
