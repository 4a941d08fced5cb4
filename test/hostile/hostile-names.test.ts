import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { compareWithSnapshot } from '../../src/trend/compare-with-snapshot.js';
import { DEFAULT_GATE_THRESHOLDS } from '../../src/trend/gate-thresholds.js';
import { toSnapshot } from '../../src/trend/snapshot.js';
import type { Analysis } from '../../src/types.js';
import { getFixturePath } from '../helpers/fixture-path.js';
import { analyzeWithCli, createTempDirectory, getFilePaths, writeFile } from './helpers/temp-project.js';

/** The analysed folder's own name is hostile too: it is the report's title. */
const ROOT_NAME = 'kitchen <script>alert("root")<script> & co';

/** Files whose names git on Windows cannot hold, created in the temp copy: name → source. */
const GENERATED: Record<string, string> = {
  'src/</script>.ts': `import mongoose, { Schema } from 'mongoose';
import { runNow } from '../\`backtick\`/run \`now\`.js';

const Cleared = mongoose.model('Cleared', new Schema({ at: Date }), '\\u001b[2J\\u001b[H cleared');

export async function closeScript(): Promise<void> {
  await runNow();
  await Cleared.deleteMany({});
}
`,
  'src/"quoted" <b>bold</b>.ts': `import mongoose, { Schema } from 'mongoose';
import { closeScript } from '../</script>.js';

const Multi = mongoose.model('Multi', new Schema({ text: String }), 'multi\\nline');

export async function bold(): Promise<unknown[]> {
  await closeScript();
  return Multi.find({});
}
`,
  'src/line\nbreak.ts': `import { bold } from './"quoted" <b>bold</b>.js';

export const lineBreak = () => bold();
`,
  'src/\u001b[31mred\u001b[0m.ts': `import { lineBreak } from './line\\nbreak.js';

export const red = () => lineBreak();
`,
  'src/pipe|question?star*:colon.ts': `import { pool } from './db/data-source.js';
import { red } from './\\u001b[31mred\\u001b[0m.js';

export async function pipe(): Promise<void> {
  await red();
  await pool.query('DELETE FROM "order <lines>"');
}
`,
};

const ALL_FILES = [
  'src/"quoted" <b>bold</b>.ts',
  'src/</script>.ts',
  'src/Zürich ünïcödé/🚀 launch.ts',
  'src/`backtick`/run `now`.ts',
  'src/café & crème/dish.entity.ts',
  'src/café & crème/menu & prices.ts',
  "src/café & crème/menu's service.ts",
  'src/café & crème/purge `all`.ts',
  'src/db/data-source.ts',
  'src/line\nbreak.ts',
  'src/pipe|question?star*:colon.ts',
  'src/\u001b[31mred\u001b[0m.ts',
];

const ALL_TABLES = [
  '\u001b[2J\u001b[H cleared',
  '</script><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '`rm -rf /`',
  'multi\nline',
  'order <lines>',
  '注文 & "Bestellungen"',
];

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

let root: string;
let analysis: Analysis;

beforeAll(async () => {
  root = path.join(createTempDirectory('hostile-names'), ROOT_NAME);
  fs.cpSync(getFixturePath('hostile', 'hostile-names'), root, { recursive: true });
  for (const [name, source] of Object.entries(GENERATED)) writeFile(root, name, source);
  // The two files that write the table named `rm -rf /` go to different services whatever the
  // clustering makes of this small graph, so that a finding names the table and its paths.
  writeFile(root, 'seams.config.json', JSON.stringify({ pins: { 'src/café & crème/**': 'kitchen', 'src/`backtick`/**': 'runner' } }));
  const run = await analyzeWithCli(root, ['--min-service-size', '1']);
  expect(run.exitCode).toBe(0);
  analysis = run.analysis!;
});

describe('names with quotes, markup, unicode and control characters', () => {
  it('are kept exactly in the JSON report', () => {
    expect([...getFilePaths(analysis)].sort()).toEqual([...ALL_FILES].sort());
    expect(analysis.tables.map((table) => table.name).sort()).toEqual([...ALL_TABLES].sort());
    expect(analysis.edges.some((edge) => edge.from === 'src/"quoted" <b>bold</b>.ts' && edge.to === 'src/</script>.ts')).toBe(true);
    expect(analysis.edges.some((edge) => edge.from === 'src/\u001b[31mred\u001b[0m.ts' && edge.to === 'src/line\nbreak.ts')).toBe(true);
  });

  it('print as valid JSON with --json that reads back to the same names', async () => {
    const run = await analyzeWithCli(root, ['--json', '--min-service-size', '1']);
    const printed = JSON.parse(run.stdout) as Analysis;
    expect(printed).toEqual(analysis);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('cannot drive the terminal: control characters are shown as escapes', async () => {
    // A high resolution keeps services small, so that the summary's top files include the hostile ones.
    const run = await analyzeWithCli(root, ['--min-service-size', '1', '--resolution', '4']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).not.toMatch(CONTROL_EXCEPT_NEWLINE);
    const lines = run.stdout.split('\n');
    expect(lines.some((line) => line.includes('src/\\u001b[31mred\\u001b[0m.ts'))).toBe(true);
    expect(lines.some((line) => line.includes('src/line\\u000abreak.ts'))).toBe(true);
  });
});

/** The text of a DOT file outside its double-quoted strings, which are checked on their own. */
function splitDot(text: string): { outside: string; strings: string[] } {
  const strings: string[] = [];
  const outside = text.replace(/"((?:[^"\\]|\\.)*)"/g, (_, inner: string) => {
    strings.push(inner);
    return '""';
  });
  return { outside, strings };
}

const HOSTILE_MARKUP = ['<script', '<img', '</b>', '<b>'];

describe('every report format, given hostile names', () => {
  let out: string;
  let detailService: string;

  beforeAll(async () => {
    detailService = analysis.services.find((service) => service.files.includes('src/"quoted" <b>bold</b>.ts'))!.id;
    const run = await analyzeWithCli(root, ['--min-service-size', '1', '--format', 'json,html,sarif,dot,mermaid', '--detail', detailService]);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    out = run.out;
  });

  it('HTML keeps the data in its JSON block, escaped, and the title as text', () => {
    const html = fs.readFileSync(path.join(out, 'seams.html'), 'utf8');
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    for (const markup of ['<img', '<b>', 'alert(1)</script>', 'alert("root")']) expect(html).not.toContain(markup);
    expect(html).toContain('<title>seams: kitchen &lt;script&gt;alert(&quot;root&quot;)&lt;script&gt; &amp; co</title>');
    const block = /<script type="application\/json" id="seams-data">([^<]*)<\/script>/.exec(html);
    expect(JSON.parse(block![1]!).analysis).toEqual(analysis);
  });

  it('SARIF is valid JSON whose file URIs are percent-encoded and read back to the paths', () => {
    const sarif = JSON.parse(fs.readFileSync(path.join(out, 'seams.sarif'), 'utf8'));
    const uris: string[] = sarif.runs[0].results.flatMap((result: { locations?: unknown[]; relatedLocations?: unknown[] }) =>
      [...(result.locations ?? []), ...(result.relatedLocations ?? [])].map(
        (location) => (location as { physicalLocation: { artifactLocation: { uri: string } } }).physicalLocation.artifactLocation.uri,
      ),
    );
    expect(uris.length).toBeGreaterThan(0);
    for (const uri of uris) {
      expect(uri).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=@%/]+$/);
      expect(getFilePaths(analysis)).toContain(decodeURIComponent(uri));
    }
  });

  it('DOT keeps every name inside a quoted string with no raw control character', () => {
    const { outside, strings } = splitDot(fs.readFileSync(path.join(out, 'seams.dot'), 'utf8'));
    expect(outside).toMatch(/^digraph seams \{/);
    for (const markup of [...HOSTILE_MARKUP, '&']) expect(outside).not.toContain(markup);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    for (const text of strings) expect(text).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(strings.some((text) => text.includes('line\\nbreak.ts'))).toBe(true);
  });

  it('Mermaid labels carry no quote, markup or control character', () => {
    const mermaid = fs.readFileSync(path.join(out, 'seams.mmd'), 'utf8');
    expect(mermaid).toMatch(/^flowchart /);
    const labels = [...mermaid.matchAll(/\["(.*?)"\]/g)].map((match) => match[1]!);
    expect(labels.length).toBeGreaterThan(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    for (const label of labels) expect(label).not.toMatch(/["<>`\u0000-\u001f]/);
    for (const markup of HOSTILE_MARKUP) expect(mermaid).not.toContain(markup);
  });

  it('Markdown (the seams check comment) escapes names so they cannot become markup', () => {
    const before = { ...toSnapshot(analysis), findings: [], counts: {}, sharedTables: [], dependencies: [] };
    const comparison = compareWithSnapshot(before, analysis, DEFAULT_GATE_THRESHOLDS, {
      kind: 'baseline',
      file: 'seams-baseline.json',
      toolVersion: analysis.tool.version,
    });
    const markdown = renderMarkdown(comparison);
    expect(comparison.findings.added.length).toBeGreaterThan(0);
    for (const markup of [...HOSTILE_MARKUP, '`backtick`']) expect(markdown).not.toContain(markup);
    // Pinned to two services, two files write the table named `rm -rf /`: the shared-table
    // finding names it, its backticks escaped.
    expect(markdown).toContain('\\`rm -rf /\\`');
  });
});
