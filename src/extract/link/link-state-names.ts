import type { StateFact } from '../facts.js';
import type { FileFacts } from '../file-facts.js';
import { isLifecycleTopic } from '../state/visit-events.js';
import type { ExportIndex } from './create-export-index.js';

/**
 * State facts with their names settled: an event or queue named by a constant imported from
 * another module (`emit(Events.ORDER_PLACED)`, `new Queue(EMAIL_QUEUE)`) takes the constant's
 * value, as the topic or queue it is at run time. Matched as written, `Events.CREATED` of two
 * modules was one event though its values differ, and `Events.ORDER_PLACED` was not the
 * `'order.placed'` another module subscribes to.
 */
export function linkStateNames(files: readonly FileFacts[], exportIndex: ExportIndex): StateFact[] {
  const constants = new Map<string, string>();
  for (const facts of files) for (const [name, value] of facts.stringConstants ?? []) constants.set(`${facts.path}#${name}`, value);
  const settle = (file: string, written: string): string => {
    const dot = written.indexOf('.');
    const location = exportIndex.resolveLocal(file, dot < 0 ? written : written.slice(0, dot));
    // A namespace import (`import * as Events`) names the module's own constants.
    const name = location.name === '*' && dot >= 0 ? written.slice(dot + 1) : `${location.name}${dot < 0 ? '' : written.slice(dot)}`;
    return constants.get(`${location.file}#${name}`) ?? written;
  };
  const emitters = new Map(files.flatMap((facts) => (facts.emitters ?? []).map(([name, local]) => [`${facts.path}#${name}`, `${facts.path}#${local}`] as const)));
  // An imported emitter is its declaration's channel when the code made it there; else a shared bus.
  const settleChannel = (file: string, local: string): string | undefined => {
    const location = exportIndex.resolveLocal(file, local);
    return emitters.get(`${location.file}#${location.name}`);
  };
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
      const location = exportIndex.resolveLocal(facts.path, local);
      const key = `${location.file}#${location.name}`;
      const candidate = candidates.get(key);
      if (!candidate || found.has(key)) continue;
      found.set(key, {
        file: location.file,
        kind: 'mutable-export',
        name: location.name,
        line: candidate.line,
        detail: `exported ${candidate.what}, changed in place by ${facts.path}:${line}`,
      });
    }
  }
  return [...found.values()];
}
