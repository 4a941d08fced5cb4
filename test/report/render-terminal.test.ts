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
});
