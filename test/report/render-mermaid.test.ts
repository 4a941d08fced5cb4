import { describe, expect, it } from 'vitest';
import { escapeMermaid, renderMermaid } from '../../src/report/render-mermaid.js';
import { createTinyAnalysis } from './create-tiny-analysis.js';

describe('renderMermaid', () => {
  it('draws services, the shared kernel, dependencies and shared tables as a flowchart', () => {
    expect(renderMermaid(createTinyAnalysis())).toBe(
      [
        'flowchart LR',
        '  s0["orders (2 files)"]',
        '  s1["billing (1 file)"]',
        '  kernel["shared kernel (1 file)"]',
        '  s0 -->|1| s1',
        '  t0[("invoices")]',
        '  s1 -.-|RW| t0',
        '  s0 -.-|R| t0',
        '  style kernel stroke-dasharray: 4 4',
        '',
      ].join('\n'),
    );
  });

  it('draws one service’s files in a subgraph, with the files they cross to in their own', () => {
    expect(renderMermaid(createTinyAnalysis(), { detail: 'orders' })).toBe(
      [
        'flowchart LR',
        '  subgraph g0["orders"]',
        '    f0["src/orders/order.controller.ts"]',
        '    f1["src/orders/order.service.ts"]',
        '  end',
        '  subgraph g1["billing"]',
        '    f2["src/billing/invoice.service.ts"]',
        '  end',
        '  f0 --> f1',
        '  f1 ==> f2',
        '',
      ].join('\n'),
    );
  });

  it('turns the characters that end a label, open markup or start Markdown into Mermaid codes', () => {
    expect(escapeMermaid('a "b" <img src=x> & `c` #1;\nd')).toBe('a #34;b#34; #60;img src=x#62; #38; #96;c#96; #35;1; d');
    const chart = renderMermaid(createTinyAnalysis({ orders: '"]; click s1 call alert(1); x["', billing: '```\n</script>', table: '<img src=x onerror=alert(1)>' }));
    const labels = [...chart.matchAll(/"([^"]*)"/g)].map((match) => match[1]);
    expect(labels.filter((label) => /[<>`&]/.test(label!))).toEqual([]);
    expect(chart.replace(/"[^"]*"/g, '""')).not.toMatch(/click|alert|script|img/);
    // Every line is a generated id with one quoted label, an edge between generated ids, or a style.
    for (const line of chart.trim().split('\n').slice(1)) {
      expect(line).toMatch(/^ {2}(\w+\[\(?"[^"]*"\)?\]|\w+ (-->|-\.-)\|\w+\| \w+|style kernel .*)$/);
    }
  });
});
