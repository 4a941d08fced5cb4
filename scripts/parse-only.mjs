// The floor seams is measured against: read every source file and parse it with TypeScript's
// parser, nothing else. Prints {"files","ms"}.
import fs from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';

const root = process.argv[2];
const files = [];
const pending = [root];
while (pending.length > 0) {
  const directory = pending.pop();
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const absolute = path.join(directory, entry.name);
    if (entry.isDirectory()) pending.push(absolute);
    else if (/\.[cm]?[jt]sx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(absolute);
  }
}
const started = performance.now();
for (const file of files) ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
console.log(JSON.stringify({ files: files.length, ms: Math.round(performance.now() - started) }));
