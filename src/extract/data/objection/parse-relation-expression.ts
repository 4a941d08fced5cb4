/**
 * The relation paths of an Objection relation expression
 * (https://vincit.github.io/objection.js/api/types/#type-relationexpression):
 *
 *   expression = node | '[' expression (',' expression)* ']'
 *   node       = name ('(' modifiers ')')? ('as' alias)? ('.' expression)?
 *
 * `'[pets, children.[pets, movies]]'` → pets, children, children.pets, children.movies. Each path
 * is a relation of the path before it. Recursion (`children.^`, `^3`) loads the relation already
 * named, and `*` every relation, which the text does not tell: both add no path. Text that does
 * not parse yields no path.
 */
export function parseRelationExpression(text: string): string[] {
  const parser = { text, at: 0 };
  try {
    const paths = readExpression(parser, '');
    skipSpace(parser);
    return parser.at === text.length ? [...new Set(paths)] : [];
  } catch {
    return [];
  }
}

interface Parser {
  text: string;
  at: number;
}

const NAME = /[A-Za-z0-9_$]/;

function readExpression(parser: Parser, prefix: string): string[] {
  skipSpace(parser);
  if (parser.text[parser.at] !== '[') return readNode(parser, prefix);
  parser.at++;
  const paths: string[] = [];
  for (;;) {
    skipSpace(parser);
    if (parser.text[parser.at] === ']') break;
    paths.push(...readNode(parser, prefix));
    skipSpace(parser);
    if (parser.text[parser.at] === ',') parser.at++;
    else if (parser.text[parser.at] !== ']') throw new Error('expected , or ]');
  }
  parser.at++;
  return paths;
}

function readNode(parser: Parser, prefix: string): string[] {
  skipSpace(parser);
  const first = parser.text[parser.at];
  if (first === '*' || first === '^') {
    parser.at++;
    while (/[0-9]/.test(parser.text[parser.at] ?? '')) parser.at++;
    return [];
  }
  const name = readName(parser);
  if (!name) throw new Error('expected a relation name');
  skipSpace(parser);
  if (parser.text[parser.at] === '(') {
    const close = parser.text.indexOf(')', parser.at);
    if (close < 0) throw new Error('expected )');
    parser.at = close + 1;
    skipSpace(parser);
  }
  if (/^as\s/.test(parser.text.slice(parser.at))) {
    parser.at += 2;
    skipSpace(parser);
    if (!readName(parser)) throw new Error('expected an alias');
    skipSpace(parser);
  }
  const path = prefix ? `${prefix}.${name}` : name;
  if (parser.text[parser.at] !== '.') return [path];
  parser.at++;
  return [path, ...readExpression(parser, path)];
}

function readName(parser: Parser): string {
  const start = parser.at;
  while (NAME.test(parser.text[parser.at] ?? '')) parser.at++;
  return parser.text.slice(start, parser.at);
}

function skipSpace(parser: Parser): void {
  while (/\s/.test(parser.text[parser.at] ?? '')) parser.at++;
}
