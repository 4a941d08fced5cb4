import { describe, expect, it } from 'vitest';
import { escapeDot, renderDot } from '../../src/report/render-dot.js';
import { UsageError } from '../../src/util/errors.js';
import { createTinyAnalysis } from './create-tiny-analysis.js';

const HEADER = [
  'digraph seams {',
  '  graph [rankdir=LR, fontname="Helvetica", labelloc=t, label="seams: shop"];',
  '  node [shape=box, style="rounded,filled", fillcolor="#eef2f7", color="#8895a7", fontname="Helvetica"];',
  '  edge [color="#8895a7", fontname="Helvetica", fontsize=10];',
];

describe('renderDot', () => {
  it('draws services, the shared kernel, dependencies by weight and shared tables with their accessors', () => {
    expect(renderDot(createTinyAnalysis())).toBe(
      [
        ...HEADER,
        '  s0 [label="orders\\n2 files, confidence 1"];',
        '  s1 [label="billing\\n1 file, confidence 0.75"];',
        '  kernel [label="shared kernel\\n1 file", style="rounded,dashed"];',
        '  s0 -> s1 [label="1", penwidth=5.0, tooltip="1 edges, weight 1"];',
        '  t0 [label="invoices", shape=cylinder, fillcolor="#fdf0d0"];',
        '  s1 -> t0 [label="RW", style=dashed, color="#e15759", arrowhead=none];',
        '  s0 -> t0 [label="R", style=dashed, color="#4e79a7", arrowhead=none];',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('draws one service’s files in a cluster, with the files they cross to grouped by service', () => {
    expect(renderDot(createTinyAnalysis(), { detail: 'orders' })).toBe(
      [
        ...HEADER,
        '  subgraph cluster_0 {',
        '    label="orders";',
        '    style="rounded"; color="#4e79a7";',
        '    f0 [label="src/orders/order.controller.ts"];',
        '    f1 [label="src/orders/order.service.ts"];',
        '  }',
        '  subgraph cluster_1 {',
        '    label="billing";',
        '    style="rounded,dashed"; color="#8895a7";',
        '    f2 [label="src/billing/invoice.service.ts", fillcolor="#f7f7f7"];',
        '  }',
        '  f0 -> f1;',
        '  f1 -> f2 [color="#e8833a", tooltip="src/orders/order.service.ts:3"];',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('rejects a detail service that does not exist, naming the ones that do', () => {
    expect(() => renderDot(createTinyAnalysis(), { detail: 'shipping' })).toThrow(new UsageError('--detail: no candidate service "shipping" (services: orders, billing)'));
  });

  it('keeps quotes, backslashes and line breaks in names inside their quoted labels', () => {
    expect(escapeDot('say "hi"\\N\nnext\u0007')).toBe('say \\"hi\\"\\\\N\\nnext');
    const dot = renderDot(createTinyAnalysis({ orders: 'a"] ; evil [label="x', billing: 'back\\slash\nnewline', table: '<img src=x onerror=alert(1)>' }));
    const labels = [...dot.matchAll(/label=("(?:[^"\\]|\\.)*")/g)].map((match) => match[1]);
    expect(labels).toContain('"a\\"] ; evil [label=\\"x\\n2 files, confidence 1"');
    expect(labels).toContain('"back\\\\slash\\nnewline\\n1 file, confidence 0.75"');
    expect(labels).toContain('"<img src=x onerror=alert(1)>"');
    // Outside quoted strings, every statement is built from generated ids only.
    expect(dot.replace(/"(?:[^"\\]|\\.)*"/g, '""')).not.toMatch(/evil|slash|img/);
  });
});
