#!/usr/bin/env node
// Validates data/gazetteer/*.tsv and data/lexicon/*.tsv against the file-format contract; prints counts.
'use strict';
const fs = require('fs');
const path = require('path');
const ROOT = path.join(__dirname, '..');
let errors = 0;
function err(f, n, msg) { errors++; if (errors < 200) console.error(`${f}:${n}: ${msg}`); }
function lines(f) {
  return fs.readFileSync(f, 'utf8').split('\n').map((l, i) => [l.replace(/\r$/, ''), i + 1]).filter(([l]) => l.trim() && !l.startsWith('#'));
}
const KINDS = new Set(['country', 'person', 'org', 'place']);
const fold = (a) => a.replace(/^=/, '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const aliasOwners = new Map();
for (const name of ['countries', 'orgs', 'persons', 'places']) {
  const f = path.join(ROOT, 'gazetteer', name + '.tsv');
  const seen = new Set();
  let n = 0, na = 0;
  for (const [l, ln] of lines(f)) {
    const c = l.split('\t');
    if (c.length !== 4) { err(f, ln, `expected 4 fields, got ${c.length}`); continue; }
    const [kind, code, canon, al] = c;
    if (!KINDS.has(kind)) err(f, ln, `bad kind ${kind}`);
    if (name.startsWith(kind) === false && !(name === 'countries' && kind === 'country')) err(f, ln, `kind ${kind} in ${name}`);
    if (code !== '' && !/^[A-Z]{2}$/.test(code)) err(f, ln, `bad code '${code}'`);
    if (kind === 'country' && !code) err(f, ln, 'country without code');
    if (!canon.trim()) err(f, ln, 'empty canonical');
    const key = `${kind}\t${code}\t${canon}`;
    if (seen.has(key)) err(f, ln, `duplicate referent ${code} ${canon}`);
    seen.add(key);
    const aliases = al === '' ? [] : al.split('|');
    for (const a of aliases) {
      if (!a.trim() || a === '=') err(f, ln, `empty alias in ${canon}`);
      if (a !== a.trim()) err(f, ln, `alias with outer spaces '${a}'`);
      if (/[\t|]/.test(a)) err(f, ln, `alias with tab or bar '${a}'`);
      if (/^\p{Ll}/u.test(a) && a !== a.toLowerCase()) err(f, ln, `alias starts lowercase but has capitals '${a}'`);
    }
    for (const a of [canon, ...aliases]) {
      const k = kind + '\t' + fold(a);
      if (!aliasOwners.has(k)) aliasOwners.set(k, new Set());
      aliasOwners.get(k).add(code + ' ' + canon);
    }
    n++; na += aliases.length;
  }
  console.log(`${name}.tsv: ${n} entries, ${na} aliases`);
}
// same surface for two referents of the same kind: allowed (the recogniser decides), but reported
const amb = [...aliasOwners].filter(([, s]) => s.size > 1);
console.log(`ambiguous surfaces within a kind: ${amb.length} (see check.log)`);
fs.writeFileSync(path.join(__dirname, 'check.log'), amb.map(([k, s]) => k.replace('\t', ' ') + ' -> ' + [...s].join(' ; ')).join('\n') + '\n');
// lexicons
const tone = path.join(ROOT, 'lexicon', 'tone.tsv');
if (fs.existsSync(tone)) {
  let n = 0; const seenT = new Set();
  for (const [l, ln] of lines(tone)) {
    const c = l.split('\t');
    if (c.length !== 3) { err(tone, ln, 'expected 3 fields'); continue; }
    if (!['+', '-'].includes(c[0])) err(tone, ln, `bad polarity ${c[0]}`);
    const w = Number(c[1]);
    if (!(w >= 0.5 && w <= 2)) err(tone, ln, `bad weight ${c[1]}`);
    if (!c[2].trim() || /\*./.test(c[2])) err(tone, ln, `bad cue '${c[2]}'`);
    if (seenT.has(c[2].toLowerCase())) err(tone, ln, `duplicate cue ${c[2]}`);
    seenT.add(c[2].toLowerCase());
    n++;
  }
  console.log(`tone.tsv: ${n} cues`);
}
for (const [file, cols] of [['negation.tsv', 1], ['stopnames.tsv', 1], ['words.tsv', 1], ['titles.tsv', 2]]) {
  const f = path.join(ROOT, 'lexicon', file);
  if (!fs.existsSync(f)) continue;
  let n = 0; const seenL = new Set();
  for (const [l, ln] of lines(f)) {
    const c = l.split('\t');
    if (c.length !== cols) err(f, ln, `expected ${cols} field(s)`);
    if (seenL.has(l)) err(f, ln, `duplicate ${l}`);
    seenL.add(l);
    if (file === 'titles.tsv' && !KINDS.has(c[0])) err(f, ln, `bad kind ${c[0]}`);
    n++;
  }
  console.log(`${file}: ${n} entries`);
}
if (errors) { console.error(`${errors} error(s)`); process.exit(1); }
console.log('all checks passed');
