import { h, replaceChildren } from '../../dom.js';
import type { ReportIndex } from '../../report-index.js';

export type SearchHit = { kind: 'service' | 'table' | 'file'; position: number; text: string };

const MAX_HITS = 12;

/**
 * Finds services, tables and files whose name contains the query (case-insensitive): names that
 * start with it first, then the shortest. Enter picks the first hit.
 */
export function createSearchBox(index: ReportIndex, onPick: (hit: SearchHit) => void): HTMLElement {
  const candidates: SearchHit[] = [
    ...index.analysis.services.map((service, position): SearchHit => ({ kind: 'service', position, text: service.name })),
    ...index.analysis.tables.map((table, position): SearchHit => ({ kind: 'table', position, text: table.name })),
    ...index.analysis.files.map((file, position): SearchHit => ({ kind: 'file', position, text: file.path })),
  ];
  const lower = candidates.map((candidate) => candidate.text.toLowerCase());
  const input = h('input', { type: 'search', class: 'search-input', placeholder: 'Find a file, table or service', 'aria-label': 'Find a file, table or service', autocomplete: 'off' });
  const results = h('ul', { class: 'search-results', role: 'listbox' });
  let hits: SearchHit[] = [];
  const pick = (hit: SearchHit) => {
    replaceChildren(results);
    input.value = hit.text;
    onPick(hit);
  };
  input.addEventListener('input', () => {
    const query = input.value.trim().toLowerCase();
    hits = query ? findHits(candidates, lower, query) : [];
    replaceChildren(
      results,
      hits.map((hit) =>
        h('li', { role: 'option' }, h('button', { type: 'button', class: `search-hit ${hit.kind}`, onclick: () => pick(hit) }, h('span', { class: 'hit-kind' }, hit.kind), hit.text)),
      ),
      query && hits.length === 0 ? h('li', { class: 'muted' }, 'Nothing matches.') : null,
    );
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && hits[0]) pick(hits[0]);
    if (event.key === 'Escape') {
      input.value = '';
      replaceChildren(results);
    }
  });
  return h('div', { class: 'search' }, input, results);
}

function findHits(candidates: SearchHit[], lower: string[], query: string): SearchHit[] {
  const found: { hit: SearchHit; rank: number }[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const at = lower[i]!.indexOf(query);
    if (at < 0) continue;
    const hit = candidates[i]!;
    const base = hit.text.lastIndexOf('/') + 1;
    found.push({ hit, rank: (at === 0 || at === base ? 0 : 1_000_000) + hit.text.length });
  }
  return found
    .sort((a, b) => a.rank - b.rank || (a.hit.text < b.hit.text ? -1 : a.hit.text > b.hit.text ? 1 : 0))
    .slice(0, MAX_HITS)
    .map(({ hit }) => hit);
}
