import { describe, expect, it } from 'vitest';
import { renderTerminal } from '../../src/report/render-terminal.js';
import { createTinyAnalysis } from './create-tiny-analysis.js';

describe('the terminal summary', () => {
  it('counts one crossing edge in the singular', () => {
    const text = renderTerminal(createTinyAnalysis(), { color: false });
    expect(text).toContain('  orders → billing  1 edge, weight 1\n');
  });

  it('gives the shared-table matrix a column only for services that touch a shared table', () => {
    const analysis = createTinyAnalysis();
    const idle = { ...analysis.services[0]!, id: 'reporting', name: 'reporting', files: [] };
    const text = renderTerminal({ ...analysis, services: [...analysis.services, idle] }, { color: false });
    const matrix = text.slice(text.indexOf('Shared tables'), text.indexOf('Findings'));
    expect(matrix).toContain('orders');
    expect(matrix).not.toContain('reporting');
  });

  it('says what the diagnostics are, most frequent first, so left-out generated files are not mistaken for errors', () => {
    const analysis = createTinyAnalysis();
    const note = (code: string, file: string) => ({ code, severity: 'info', file, message: 'x' }) as (typeof analysis.diagnostics)[number];
    const diagnostics = [
      note('generated-file', 'a.js'),
      note('unresolved-import', 'b.ts'),
      note('generated-file', 'c.js'),
      note('some-new-code', 'd.ts'),
      note('computed-import', 'e.js'),
    ];
    const summary = { ...analysis.summary, diagnostics: diagnostics.length };
    const text = renderTerminal({ ...analysis, diagnostics, summary }, { color: false });
    expect(text).toContain('Diagnostics: 5 (2 generated or minified files left out, 1 imports computed at run time, 1 some-new-code, 1 unresolved imports)');
    expect(renderTerminal({ ...analysis, diagnostics: [], summary: { ...analysis.summary, diagnostics: 0 } }, { color: false })).toContain('Diagnostics: 0\n');
  });
});

