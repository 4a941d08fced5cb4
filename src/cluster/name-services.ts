import { compareStrings } from '../util/sort.js';

/** Words that name a technical layer or a convention, never a business capability. */
const GENERIC_WORDS = new Set(
  (
    'src app apps lib libs source sources module modules package packages index main server controller controllers ' +
    'service services repository repositories repo repos model models entity entities dto dtos route routes router ' +
    'routers handler handlers util utils helper helpers type types interface interfaces spec test tests ts js tsx jsx ' +
    'mjs cjs mts cts api domain domains infrastructure infra application core common shared impl base schema schemas ' +
    'resolver resolvers middleware middlewares guard guards provider providers config mapper mappers factory factories ' +
    'dao store stores view views validator validators feature features internal public private http rest graphql ' +
    'gateway gateways adapter adapters port ports usecase usecases use case cases command commands query queries ' +
    'event events listener listeners subscriber subscribers decorator decorators pipe pipes filter filters ' +
    'interceptor interceptors strategy strategies constant constants enum enums exception exceptions error errors ' +
    'request response input output args create update delete get list find v1 v2 default new old legacy the and of'
  ).split(' '),
);

const wordCache = new Map<string, string[]>();

/** The domain words of a path; memoised because clustering and naming ask for every file. */
export function toWords(path: string): string[] {
  let words = wordCache.get(path);
  if (!words) {
    words = computeWords(path);
    if (wordCache.size > 100_000) wordCache.clear();
    wordCache.set(path, words);
  }
  return words;
}

function computeWords(path: string): string[] {
  const withoutExtension = path.replace(/\.[cm]?[jt]sx?$/, '');
  const words = withoutExtension
    .split(/[/._\-\s]+/)
    .flatMap((segment) => segment.split(/(?<=[a-z0-9])(?=[A-Z])/))
    .map((word) => singularize(word.toLowerCase()))
    .filter((word) => word.length > 1 && !/^\d+$/.test(word) && !GENERIC_WORDS.has(word));
  return [...new Set(words)];
}

function singularize(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/**
 * Names each service by the words of its paths that are most specific to it: a word scores
 * (share of the service's files that contain it) × (share of the word's files that are in the
 * service), so a folder name shared by the whole service wins, and a layer name shared by every
 * service loses. Names are made unique with a second word or a number.
 */
export function nameServices(services: string[][], allFiles: string[]): string[] {
  const overall = new Map<string, number>();
  const wordsByFile = new Map<string, string[]>();
  for (const file of allFiles) {
    const words = toWords(file);
    wordsByFile.set(file, words);
    for (const word of words) overall.set(word, (overall.get(word) ?? 0) + 1);
  }
  const used = new Set<string>();
  return services.map((files, index) => {
    const counts = new Map<string, number>();
    for (const file of files) for (const word of wordsByFile.get(file) ?? toWords(file)) counts.set(word, (counts.get(word) ?? 0) + 1);
    const ranked = [...counts.entries()]
      .map(([word, count]) => ({ word, score: (count / files.length) * (count / (overall.get(word) ?? count)) }))
      .sort((a, b) => b.score - a.score || compareStrings(a.word, b.word));
    const first = ranked[0]?.word;
    let name = first ?? `service-${index + 1}`;
    if (used.has(name)) {
      const second = ranked.find((entry) => entry.word !== first && !used.has(`${first}-${entry.word}`));
      name = second ? `${first}-${second.word}` : name;
    }
    for (let suffix = 2; used.has(name); suffix++) name = `${first ?? 'service'}-${suffix}`;
    used.add(name);
    return name;
  });
}
