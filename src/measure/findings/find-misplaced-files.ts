import type { Finding } from '../../types.js';
import { compareStrings, round } from '../../util/sort.js';
import { createFinding } from './create-finding.js';
import { type FindingInput, getServiceOf } from './finding-input.js';

/** Files with less dependency weight than this to services are too loosely tied to judge. */
export const MIN_MISPLACED_WEIGHT = 2;

/**
 * Files whose dependency weight goes mostly to one other service. Weight is counted per
 * service over the file's edges (both directions, to its files and to the tables it owns);
 * a file is misplaced when another service gets more weight than its own and at
 * least half of the total. Modularity optimisation places a file by its ties relative to the
 * size of each community, so a small service can win a file whose ties mostly go elsewhere;
 * folder attachment and merged small clusters do the same. A pinned file is reported too: the
 * pin states where it belongs, so its ties to the other service are work to do before a split.
 */
export function findMisplacedFiles(input: FindingInput): Finding[] {
  const serviceOf = getServiceOf(input);
  const ownerOf = new Map(input.tables.map((table) => [`table:${table.name}`, table.owner]));
  const findings: Finding[] = [];
  const files = input.graph.filterNodes((_node, attributes) => attributes.type === 'file').sort(compareStrings);
  for (const file of files) {
    const assignment = input.decomposition.assignments.get(file);
    if (!assignment?.service || assignment.role !== 'service') continue;
    const weights = new Map<string, number>();
    const add = (service: string | null | undefined, weight: number) => {
      if (service) weights.set(service, (weights.get(service) ?? 0) + weight);
    };
    const serviceOfNode = (node: string) =>
      input.graph.getNodeAttribute(node, 'type') === 'table' ? (ownerOf.get(node) ?? null) : serviceOf(node);
    input.graph.forEachOutEdge(file, (_edge, attributes, _source, target) => add(serviceOfNode(target), attributes.weight));
    input.graph.forEachInEdge(file, (_edge, attributes, source) => add(serviceOfNode(source), attributes.weight));
    const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0);
    if (total < MIN_MISPLACED_WEIGHT) continue;
    const own = weights.get(assignment.service) ?? 0;
    const [best, bestWeight] = [...weights.entries()]
      .filter(([service]) => service !== assignment.service)
      .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0] ?? [null, 0];
    if (!best || bestWeight <= own || bestWeight * 2 < total) continue;
    const share = Math.round((bestWeight / total) * 100);
    findings.push(
      createFinding({
        kind: 'misplaced-file',
        severity: 'low',
        message: `${file} ${assignment.placement === 'pinned' ? 'is pinned to' : 'sits in'} ${assignment.service} but ${share}% of its dependency weight goes to ${best}`,
        locations: [{ file, line: 1 }],
        evidence: [...weights.entries()]
          .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))
          .map(([service, weight]) => `${service}: weight ${round(weight, 3)}${service === assignment.service ? ' (its service)' : ''}`),
        suggestion:
          assignment.placement === 'pinned'
            ? `Either move ${file} to ${best} (and change its pin), or cut its ties to ${best}: call ${best}'s API instead of importing its code.`
            : `Move ${file} to ${best}, or pin it in seams.config.json ("pins": { "${file}": "${best}" }) if it belongs where it is.`,
        services: [assignment.service, best],
        key: [file],
      }),
    );
  }
  return findings;
}
