import type { StateFact } from '../facts.js';
import type { FileFacts } from '../file-facts.js';
import { isLifecycleTopic } from '../state/visit-events.js';
import type { ExportIndex } from './create-export-index.js';
import { toDeclarationKey } from './declaration-keys.js';

/**
 * State facts with their names settled: an event or queue named by a constant imported from
 * another module (`emit(Events.ORDER_PLACED)`, `new Queue(EMAIL_QUEUE)`) takes the constant's
 * value, as the topic or queue it is at run time. Matched as written, `Events.CREATED` of two
 * modules was one event though its values differ, and `Events.ORDER_PLACED` was not the
 * `'order.placed'` another module subscribes to.
 */
export function linkStateNames(files: readonly FileFacts[], exportIndex: ExportIndex, constants: ReadonlyMap<string, string>): StateFact[] {
  const settle = (file: string, written: string): string => constants.get(toDeclarationKey(exportIndex, file, written)) ?? written;
  const emitters = new Map<string, string>(files.flatMap((facts) => (facts.emitters ?? []).map(([name, local]) => [`${facts.path}#${name}`, `${facts.path}#${local}`])));
  // An imported emitter is its declaration's channel when the code made it there; else a shared bus.
  const settleChannel = (file: string, local: string): string | undefined => emitters.get(toDeclarationKey(exportIndex, file, local));
  const settled = files.flatMap((facts) =>
    facts.state.flatMap(({ reference, channel, channelImported, ...fact }) => {
      const name = reference ? settle(facts.path, fact.name) : fact.name;
      if ((fact.kind === 'event-publish' || fact.kind === 'event-subscribe') && isLifecycleTopic(name)) return [];
      const settledChannel = channel !== undefined && channelImported ? settleChannel(facts.path, channel) : channel;
      return [{ file: facts.path, ...fact, name, ...(settledChannel !== undefined ? { channel: settledChannel } : {}) }];
    }),
  );
  return [...settled, ...findChangedByImporters(files, exportIndex)];
}

/**
 * Exported objects and instances that a file which imports them changes in place
 * (`settings.taxRate = rate`, `Object.assign(settings, …)`): module-level mutable state of the
 * declaring file, as if that file changed them itself. Each is reported once, at its declaration.
 */
function findChangedByImporters(files: readonly FileFacts[], exportIndex: ExportIndex): StateFact[] {
  const candidates = new Map<string, { line: number; what: string }>();
  for (const facts of files) for (const [name, line, what] of facts.stateCandidates ?? []) candidates.set(`${facts.path}#${name}`, { line, what });
  const found = new Map<string, StateFact>();
  for (const facts of files) {
    for (const [local, line] of facts.foreignMutations ?? []) {
      const key = toDeclarationKey(exportIndex, facts.path, local);
      const candidate = candidates.get(key);
      if (!candidate || found.has(key)) continue;
      const declaringFile = key.slice(0, key.lastIndexOf('#'));
      found.set(key, {
        file: declaringFile,
        kind: 'mutable-export',
        name: key.slice(declaringFile.length + 1),
        line: candidate.line,
        detail: `exported ${candidate.what}, changed in place by ${facts.path}:${line}`,
      });
    }
  }
  return [...found.values()];
}
