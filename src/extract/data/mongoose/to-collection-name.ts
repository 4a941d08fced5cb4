/**
 * Mongoose's default collection name for a model: `utils.toCollectionName(name, pluralize)`
 * with its own pluralizer, lib/helpers/pluralize.js (Automattic/mongoose, the rules of
 * mongoose-legacy-pluralize): lower-case the name, keep uncountable words, else apply the
 * first rule whose pattern matches. `Person` → people, `Category` → categories, `Mouse` → mice,
 * and a name ending in a non-letter stays as it is.
 */
const RULES: [RegExp, string][] = [
  [/human$/gi, 'humans'],
  [/(m|wom)an$/gi, '$1en'],
  [/(pe)rson$/gi, '$1ople'],
  [/(child)$/gi, '$1ren'],
  [/^(ox)$/gi, '$1en'],
  [/(ax|test)is$/gi, '$1es'],
  [/(octop|cact|foc|fung|nucle)us$/gi, '$1i'],
  [/(alias|status|virus)$/gi, '$1es'],
  [/(bu)s$/gi, '$1ses'],
  [/(buffal|tomat|potat)o$/gi, '$1oes'],
  [/([ti])um$/gi, '$1a'],
  [/sis$/gi, 'ses'],
  [/(?:([^f])fe|([lr])f)$/gi, '$1$2ves'],
  [/(hive)$/gi, '$1s'],
  [/([^aeiouy]|qu)y$/gi, '$1ies'],
  [/(x|ch|ss|sh)$/gi, '$1es'],
  [/(matr|vert|ind)ix|ex$/gi, '$1ices'],
  // Copied as Mongoose has it: the '|' in [m|l] is a literal character, harmless here.
  [/([m|l])ouse$/gi, '$1ice'],
  [/(kn|w|l)ife$/gi, '$1ives'],
  [/(quiz)$/gi, '$1zes'],
  [/^goose$/i, 'geese'],
  [/s$/gi, 's'],
  [/([^a-z])$/, '$1'],
  [/$/gi, 's'],
];

const UNCOUNTABLES = new Set([
  'advice',
  'energy',
  'excretion',
  'digestion',
  'cooperation',
  'health',
  'justice',
  'labour',
  'machinery',
  'equipment',
  'information',
  'pollution',
  'sewage',
  'paper',
  'money',
  'species',
  'series',
  'rain',
  'rice',
  'fish',
  'sheep',
  'moose',
  'deer',
  'news',
  'expertise',
  'status',
  'media',
]);

export function toCollectionName(modelName: string): string {
  if (modelName === 'system.profile' || modelName === 'system.indexes') return modelName;
  const name = modelName.toLowerCase();
  if (UNCOUNTABLES.has(name)) return name;
  for (const [pattern, replacement] of RULES) {
    pattern.lastIndex = 0;
    if (pattern.test(name)) {
      pattern.lastIndex = 0;
      return name.replace(pattern, replacement);
    }
  }
  return name;
}
