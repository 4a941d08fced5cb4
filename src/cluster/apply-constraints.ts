import picomatch from 'picomatch';
import { UsageError } from '../util/errors.js';
import { compareStrings } from '../util/sort.js';

export interface Constraints {
  /** Path glob → service name; the first matching glob (in config order) wins. */
  pins: Record<string, string>;
  /** Lists of globs whose files are kept in one service. */
  groups: string[][];
}

export interface ConstrainedPartition {
  /** Node → community; -1 for nodes not placed. */
  communities: Map<string, number>;
  /** Community → the service name a pin gave it. */
  pinnedNames: Map<number, string>;
  /** File → the service name it is pinned to. */
  pinnedFiles: Map<string, string>;
}

/**
 * Applies the team's constraints to a partition, after clustering, so they hold exactly:
 *
 * 1. Keep-together groups: the files of a group move to the community that already holds most
 *    of them (ties: the lowest community id); a group none of whose files is placed becomes a
 *    community of its own.
 * 2. Pins (applied last, so a pin wins over a group): the files pinned to a name move to one
 *    community. It reuses the community holding most of them when they make up at least half of
 *    its files (so the service keeps the unpinned files that clustered with them); otherwise it
 *    is a new community that holds only the pinned files.
 */
export function applyConstraints(
  files: string[],
  communities: Map<string, number>,
  constraints: Constraints,
): ConstrainedPartition {
  const result = new Map(communities);
  let nextId = Math.max(-1, ...result.values()) + 1;

  for (const group of constraints.groups) {
    const match = picomatch(group, { dot: true });
    const members = files.filter((file) => match(file));
    if (members.length === 0) continue;
    const target = findMajorityCommunity(members, result) ?? nextId++;
    for (const file of members) result.set(file, target);
  }

  const pinnedFiles = new Map<string, string>();
  const pinGlobs = Object.entries(constraints.pins).map(([glob, name]) => ({ match: picomatch(glob, { dot: true }), name }));
  for (const file of files) {
    const pin = pinGlobs.find(({ match }) => match(file));
    if (pin) pinnedFiles.set(file, pin.name);
  }
  const pinnedNames = new Map<number, string>();
  const names = [...new Set(pinnedFiles.values())].sort(compareStrings);
  for (const name of names) {
    const members = files.filter((file) => pinnedFiles.get(file) === name);
    const home = findMajorityCommunity(members, result);
    const homeSize = home === null ? 0 : countMembers(result, home, files);
    const reusable = home !== null && !pinnedNames.has(home) && countIn(members, result, home) * 2 >= homeSize;
    const target = reusable ? home : nextId++;
    pinnedNames.set(target, name);
    for (const file of members) result.set(file, target);
  }
  return { communities: result, pinnedNames, pinnedFiles };
}

/** Whether a pin or a group names the file: such a file belongs to a service, never to the shared kernel. */
export function createConstraintMatcher(constraints: Constraints): (file: string) => boolean {
  const globs = [...Object.keys(constraints.pins), ...constraints.groups.flat()];
  if (globs.length === 0) return () => false;
  return picomatch(globs, { dot: true });
}

/**
 * Final service names: pinned communities take their pin's name (a generated name that clashes
 * with one gets a numeric suffix), then `serviceNames` renames generated ids.
 */
export function applyServiceNames(generated: string[], pinned: (string | undefined)[], renames: Record<string, string>): string[] {
  const taken = new Set(pinned.filter((name): name is string => name !== undefined));
  const names = generated.map((name, index) => {
    const pin = pinned[index];
    if (pin !== undefined) return pin;
    let unique = name;
    for (let suffix = 2; taken.has(unique); suffix++) unique = `${name}-${suffix}`;
    taken.add(unique);
    return unique;
  });
  const renamed = names.map((name) => renames[name] ?? name);
  const seen = new Map<string, string>();
  renamed.forEach((name, index) => {
    const original = names[index]!;
    const other = seen.get(name);
    if (other !== undefined) {
      const renamedOne = renames[original] !== undefined ? original : other;
      throw new UsageError(`serviceNames.${renamedOne}: "${name}" is already the name of another service`);
    }
    seen.set(name, original);
  });
  return renamed;
}

/** The placed community holding most of `members` (ties: the lowest id), or null. */
function findMajorityCommunity(members: string[], communities: Map<string, number>): number | null {
  const counts = new Map<number, number>();
  for (const file of members) {
    const community = communities.get(file) ?? -1;
    if (community >= 0) counts.set(community, (counts.get(community) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [community, count] of counts) {
    const bestCount = best === null ? 0 : counts.get(best)!;
    if (count > bestCount || (count === bestCount && best !== null && community < best)) best = community;
  }
  return best;
}

function countIn(members: string[], communities: Map<string, number>, community: number): number {
  return members.filter((file) => communities.get(file) === community).length;
}

function countMembers(communities: Map<string, number>, community: number, files: string[]): number {
  return countIn(files, communities, community);
}
