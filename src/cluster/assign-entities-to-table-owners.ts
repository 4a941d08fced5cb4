import type { DependencyGraph, SharedKernelFile } from '../graph/dependency-graph.js';
import { compareStrings } from '../util/sort.js';

/** An entity with a junction table or two (`@ManyToMany` + `@JoinTable`) is still one entity's file. */
const MAX_TABLES_OF_ONE_ENTITY_FILE = 3;

/**
 * Entity and model files that the shared kernel took for their many users (the User entity
 * every relation points at), each with the service that writes its tables most: that service
 * owns the table and so the file that declares it. Set aside, such a file no longer glues its
 * users together while clustering; placed afterwards, it is not listed as infrastructure.
 * A file declaring more tables (one schema file for all) is the whole data layer and stays
 * shared, as does one whose tables no service writes, or two write equally.
 */
export function assignEntitiesToTableOwners(
  graph: DependencyGraph,
  kernel: readonly SharedKernelFile[],
  isSetAsideByUser: (entry: SharedKernelFile) => boolean,
  serviceOf: (file: string) => string | null,
): Map<string, string> {
  const owners = new Map<string, string>();
  for (const entry of kernel) {
    if (isSetAsideByUser(entry) || !graph.hasNode(entry.path)) continue;
    const tables = graph
      .outNeighbors(entry.path)
      .filter((node) => graph.getNodeAttribute(node, 'type') === 'table' && graph.getEdgeAttribute(entry.path, node, 'kinds').includes('declare'));
    if (tables.length === 0 || tables.length > MAX_TABLES_OF_ONE_ENTITY_FILE) continue;
    const writes = new Map<string, number>();
    for (const table of tables) {
      for (const writer of graph.inNeighbors(table)) {
        const service = serviceOf(writer);
        if (service !== null && graph.getEdgeAttribute(writer, table, 'kinds').includes('write')) writes.set(service, (writes.get(service) ?? 0) + 1);
      }
    }
    const ranked = [...writes.entries()].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]));
    if (ranked.length > 0 && (ranked.length === 1 || ranked[0]![1] > ranked[1]![1])) owners.set(entry.path, ranked[0]![0]);
  }
  return owners;
}
