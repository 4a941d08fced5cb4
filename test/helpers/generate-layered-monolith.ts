import fs from 'node:fs';
import path from 'node:path';
import { createRandom } from '../../src/util/random.js';

/**
 * Writes a small Express + Knex monolith organised by technical layer (routes, controllers,
 * services, repositories, models, jobs) in which business domains cut across the folders, and
 * returns the true split. It exists to check the clustering on more shapes than the fixtures:
 * domains of uneven size, sparse cross-domain imports (a share of all imports between domain
 * files), popular domains that others lean on more, helper files whose names share no word with
 * their domain, a shared kernel (logger, config, errors, db, auth middleware) and composition
 * roots (routes/index.ts, app.ts, models/index.ts), as real layered backends have.
 */
export interface LayeredMonolithShape {
  seed: number;
  /** Number of business domains. */
  domains: number;
  /** Each domain gets a size drawn uniformly from this range (in files). */
  minDomainFiles: number;
  maxDomainFiles: number;
  /** Share of the imports between domain files that cross domains (0.05..0.15 is realistic). */
  crossShare: number;
  /**
   * Files sit in a folder named for their domain inside each layer folder
   * (`src/services/billing/invoice.service.ts`), as many layered backends group them: in every
   * layer (`all`), or in all but the data layers, whose models and repositories stay flat
   * (`upper`).
   */
  domainFoldersInLayers?: 'all' | 'upper';
}

export interface LayeredMonolith {
  /** Domain file → its domain. Kernel and composition-root files are not in the split. */
  split: Map<string, string>;
  domainSizes: Record<string, number>;
}

/** Domain nouns: a domain takes a run of them as its entities and helpers, so no two domains share one. */
const NOUNS = (
  'customer address credential invoice payment refund coupon order cart basket product category price warehouse ' +
  'stock supplier shipment carrier parcel tracking review rating comment notification email template subscription ' +
  'plan ticket agent message report metric audit document attachment vehicle driver booking reservation room guest ' +
  'employee payroll shift contract lead campaign survey badge lesson course enrollment exam recipe ingredient menu ' +
  'tenant invitation membership wallet ledger transfer voucher loyalty reward portfolio asset quote claim policy ' +
  'appointment patient prescription clinic vendor purchase requisition budget forecast playlist track album artist ' +
  'listing auction bid dispute chargeback payout merchant terminal kiosk device firmware sensor reading alarm'
).split(' ');

/** Names of business areas, for the folders of `domainFoldersInLayers`; no entity noun is one of them. */
const AREAS = (
  'billing catalog identity fulfilment support marketing analytics logistics finance scheduling content community ' +
  'compliance procurement inventory accounting messaging onboarding pricing sales'
).split(' ');

/** Helper suffixes that name a role, not a domain, as real helper files do. */
const HELPER_KINDS = ['calculator', 'policy', 'mapper', 'exporter', 'scheduler', 'client', 'formatter', 'importer'];

interface DomainFile {
  path: string;
  symbol: string;
  layer: 'routes' | 'controller' | 'service' | 'repository' | 'model' | 'helper' | 'job';
  table?: string;
}

interface SourceFile {
  imports: Map<string, { symbol: string; typeOnly: boolean }>;
  reads: Set<string>;
}

export function generateLayeredMonolith(root: string, shape: LayeredMonolithShape): LayeredMonolith {
  const random = createRandom(shape.seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  // Large projects run out of single nouns; compounds (`invoice-batch`) share words across
  // domains, as the names of big codebases do.
  const nouns = [...shuffle(NOUNS, random), ...shuffle(NOUNS.flatMap((a, i) => NOUNS.slice(i + 1, i + 4).map((b) => `${a}-${b}`)), random)];
  const sources = new Map<string, SourceFile>();
  const split = new Map<string, string>();
  const domainSizes: Record<string, number> = {};
  const domains: { name: string; files: DomainFile[]; popularity: number }[] = [];

  for (let d = 0; d < shape.domains; d++) {
    const name = `domain-${d + 1}`;
    const area = shape.domainFoldersInLayers ? `/${AREAS[d % AREAS.length]}${d >= AREAS.length ? `-${AREAS[(d + Math.floor(d / AREAS.length)) % AREAS.length]}` : ''}` : '';
    const dataArea = shape.domainFoldersInLayers === 'all' ? area : '';
    const size = shape.minDomainFiles + Math.floor(random() * (shape.maxDomainFiles - shape.minDomainFiles + 1));
    const files: DomainFile[] = [];
    const entityCount = Math.max(1, Math.round(size / 6));
    const entities = nouns.splice(0, entityCount);
    for (const [index, entity] of entities.entries()) {
      const pascal = toPascal(entity);
      files.push({ path: `src/models${dataArea}/${entity}.model.ts`, symbol: `${pascal}Model`, layer: 'model', table: `${entity}s` });
      files.push({ path: `src/repositories${dataArea}/${entity}.repository.ts`, symbol: `${toCamel(entity)}Repository`, layer: 'repository', table: `${entity}s` });
      files.push({ path: `src/services${area}/${entity}.service.ts`, symbol: `${toCamel(entity)}Service`, layer: 'service' });
      if (index === 0 || random() < 0.6) {
        files.push({ path: `src/controllers${area}/${entity}.controller.ts`, symbol: `${toCamel(entity)}Controller`, layer: 'controller' });
        files.push({ path: `src/routes${area}/${entity}.routes.ts`, symbol: `${toCamel(entity)}Routes`, layer: 'routes' });
      }
    }
    while (files.length < size) {
      const roll = random();
      if (roll < 0.3 && nouns.length > 0) {
        // A helper named after a word of its own (`services/pricing-engine.ts`).
        const word = nouns.shift()!;
        const kind = pick(HELPER_KINDS);
        files.push({ path: `src/services${area}/${word}-${kind}.ts`, symbol: `${toCamel(word)}${toPascal(kind)}`, layer: 'helper' });
      } else if (roll < 0.8) {
        const entity = pick(entities);
        const kind = pick(HELPER_KINDS);
        const file = `src/services${area}/${entity}-${kind}.ts`;
        if (files.some((f) => f.path === file)) continue;
        files.push({ path: file, symbol: `${toCamel(entity)}${toPascal(kind)}`, layer: 'helper' });
      } else {
        const entity = pick(entities);
        const file = `src/jobs${area}/${entity}-sync.job.ts`;
        if (files.some((f) => f.path === file)) continue;
        files.push({ path: file, symbol: `${toCamel(entity)}SyncJob`, layer: 'job' });
      }
    }
    domains.push({ name, files, popularity: 0.5 + random() * 2 });
    domainSizes[name] = files.length;
    for (const file of files) {
      split.set(file.path, name);
      sources.set(file.path, { imports: new Map(), reads: new Set() });
    }
  }

  const link = (from: DomainFile, to: DomainFile, typeOnly = false) => {
    if (from.path === to.path) return false;
    const imports = sources.get(from.path)!.imports;
    if (imports.has(to.path)) return false;
    imports.set(to.path, { symbol: to.symbol, typeOnly });
    return true;
  };
  const entityOf = (file: DomainFile) => path.basename(file.path).split(/[.-]/)[0]!;
  let inside = 0;
  for (const domain of domains) {
    const byLayer = (layer: DomainFile['layer']) => domain.files.filter((file) => file.layer === layer);
    const sameEntity = (file: DomainFile, layer: DomainFile['layer']) =>
      domain.files.find((other) => other.layer === layer && entityOf(other) === entityOf(file));
    for (const file of domain.files) {
      const targets: DomainFile[] = [];
      if (file.layer === 'routes') targets.push(sameEntity(file, 'controller')!);
      if (file.layer === 'controller') {
        targets.push(sameEntity(file, 'service')!);
        if (random() < 0.3) targets.push(pick(byLayer('service')));
      }
      if (file.layer === 'service') {
        targets.push(sameEntity(file, 'repository')!);
        if (random() < 0.5) targets.push(pick(byLayer('repository')));
        if (random() < 0.4) targets.push(pick(byLayer('service')));
        if (random() < 0.4) targets.push(pick(byLayer('model')));
      }
      if (file.layer === 'repository') targets.push(sameEntity(file, 'model')!);
      if (file.layer === 'model') {
        // Entities of a domain are associated (an order line belongs to an order): each model
        // after the first refers to an earlier one, so the domain is connected, plus a few more.
        const models = byLayer('model');
        const index = models.indexOf(file);
        if (index > 0) targets.push(models[Math.floor(random() * index)]!);
        if (random() < 0.3) targets.push(pick(models));
      }
      if (file.layer === 'job') targets.push(sameEntity(file, 'service')!, pick(byLayer('repository')));
      if (file.layer === 'helper') targets.push(pick(byLayer('model')));
      for (const target of targets) if (target && link(file, target, file.layer === 'helper')) inside++;
    }
    // Every helper is used by one or two services of its domain.
    for (const helper of byLayer('helper')) {
      const owner = domain.files.find((f) => f.layer === 'service' && helper.path.includes(`/${entityOf(f)}-`)) ?? pick(byLayer('service'));
      if (link(owner, helper)) inside++;
      if (random() < 0.3 && link(pick(byLayer('service')), helper)) inside++;
    }
  }

  // Cross-domain imports: services call services or repositories of other domains, models hold
  // associations, repositories read another domain's table; popular domains receive more.
  const crossTarget = Math.round((inside * shape.crossShare) / (1 - shape.crossShare));
  const totalPopularity = domains.reduce((sum, domain) => sum + domain.popularity, 0);
  const pickPopular = (except: number) => {
    for (;;) {
      let roll = random() * totalPopularity;
      for (const [index, domain] of domains.entries()) {
        roll -= domain.popularity;
        if (roll <= 0) {
          if (index !== except) return domain;
          break;
        }
      }
    }
  };
  for (let made = 0, attempts = 0; made < crossTarget && attempts < crossTarget * 20 && domains.length > 1; attempts++) {
    const fromIndex = Math.floor(random() * domains.length);
    const from = pick(domains[fromIndex]!.files.filter((file) => file.layer !== 'routes'));
    const to = pickPopular(fromIndex);
    const roll = random();
    if (from.layer === 'repository' && roll < 0.5) {
      const table = pick(to.files.filter((file) => file.layer === 'model')).table!;
      const reads = sources.get(from.path)!.reads;
      if (!reads.has(table)) {
        reads.add(table);
        made++;
      }
      continue;
    }
    const layer: DomainFile['layer'] = from.layer === 'model' ? 'model' : roll < 0.6 ? 'service' : roll < 0.85 ? 'repository' : 'model';
    const candidates = to.files.filter((file) => file.layer === layer);
    if (candidates.length === 0) continue;
    if (link(from, pick(candidates), layer === 'model')) made++;
  }

  fs.rmSync(root, { recursive: true, force: true });
  const write = (relative: string, text: string) => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  write('package.json', `${JSON.stringify({ name: `layered-${shape.seed}`, private: true, dependencies: { express: '4.21.2', knex: '3.1.0', pg: '8.13.1' } }, null, 2)}\n`);
  write('tsconfig.json', `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, esModuleInterop: true, outDir: 'dist' }, include: ['src'] }, null, 2)}\n`);
  writeKernel(write);
  const allFiles = domains.flatMap((domain) => domain.files);
  for (const file of allFiles) write(file.path, renderFile(file, sources.get(file.path)!, random));
  const routes = allFiles.filter((file) => file.layer === 'routes');
  write(
    'src/routes/index.ts',
    `import { Router } from 'express';\n${routes.map((r) => `import { ${r.symbol} } from './${path.posix.relative('src/routes', r.path).replace(/\.ts$/, '')}';`).join('\n')}\n\n` +
      `export const apiRouter = Router();\n${routes.map((r) => `apiRouter.use('/${entityPath(r)}', ${r.symbol});`).join('\n')}\n`,
  );
  const models = allFiles.filter((file) => file.layer === 'model');
  write(
    'src/models/index.ts',
    `${models.map((m) => `export { ${m.symbol} } from './${path.posix.relative('src/models', m.path).replace(/\.ts$/, '')}';`).join('\n')}\n`,
  );
  write(
    'src/app.ts',
    "import express from 'express';\nimport { apiRouter } from './routes';\nimport { errorHandler } from './middleware/error-handler';\nimport { config } from './config';\n\n" +
      "export const app = express();\napp.use(express.json());\napp.use(config.apiPrefix, apiRouter);\napp.use(errorHandler);\n",
  );
  write(
    'src/server.ts',
    "import { app } from './app';\nimport { config } from './config';\nimport { logger } from './utils/logger';\n\napp.listen(config.port, () => logger.info(`listening on ${config.port}`));\n",
  );
  return { split, domainSizes };
}

function renderFile(file: DomainFile, source: SourceFile, random: () => number): string {
  const lines: string[] = [];
  const relative = (to: string) => {
    const specifier = path.posix.relative(path.posix.dirname(file.path), to).replace(/\.ts$/, '');
    return specifier.startsWith('.') ? specifier : `./${specifier}`;
  };
  const kernel: [string, string][] = [];
  if (file.layer === 'routes') kernel.push(['requireAuth', 'src/middleware/auth.ts'], ['validateBody', 'src/middleware/validate.ts']);
  if (file.layer === 'controller') kernel.push(['asyncHandler', 'src/utils/async-handler.ts']);
  if (file.layer === 'controller' && random() < 0.5) kernel.push(['paginate', 'src/utils/pagination.ts']);
  if (file.layer === 'service' || file.layer === 'job') kernel.push(['logger', 'src/utils/logger.ts'], ['NotFoundError', 'src/utils/errors.ts']);
  if (file.layer === 'repository' || file.layer === 'job') kernel.push(['db', 'src/db/knex.ts']);
  if (file.layer === 'helper' && random() < 0.5) kernel.push(['config', 'src/config/index.ts']);
  if (file.layer === 'routes') lines.push("import { Router } from 'express';");
  for (const [symbol, target] of kernel) lines.push(`import { ${symbol} } from '${relative(target)}';`);
  const used: string[] = [];
  for (const [target, { symbol, typeOnly }] of [...source.imports.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    lines.push(`import ${typeOnly ? 'type ' : ''}{ ${symbol} } from '${relative(target)}';`);
    if (!typeOnly) used.push(symbol);
    else used.push(`(undefined as unknown as ${symbol})`);
  }
  lines.push('');
  const uses = used.map((symbol) => `  void ${symbol};`).join('\n');
  switch (file.layer) {
    case 'model':
      lines.push(`export interface ${file.symbol} {\n  id: number;\n  createdAt: Date;\n${[...source.imports.values()].map((i) => `  ${toCamel(i.symbol)}Id?: number;`).join('\n')}\n}\n`);
      lines.push(`export const ${file.symbol.replace(/Model$/, '')}Table = '${file.table}';`);
      break;
    case 'repository':
      lines.push(`export const ${file.symbol} = {\n  async findById(id: number) {\n    return db('${file.table}').where({ id }).first();\n  },`);
      lines.push(`  async save(row: Record<string, unknown>) {\n    return db('${file.table}').insert(row).returning('*');\n  },`);
      for (const table of [...source.reads].sort()) lines.push(`  async find${toPascal(table)}(id: number) {\n    return db('${table}').where({ id }).select('*');\n  },`);
      lines.push(`  touch() {\n${uses}\n  },\n};`);
      break;
    case 'routes':
      lines.push(`export const ${file.symbol} = Router();\n${file.symbol}.get('/', requireAuth, (req, res, next) => {\n${uses}\n  next();\n});\n${file.symbol}.post('/', requireAuth, validateBody, (_req, _res, next) => next());`);
      break;
    default:
      lines.push(`export const ${file.symbol} = {\n  async run(id: number) {\n${uses}\n    return { id };\n  },\n};`);
  }
  return `${lines.join('\n')}\n`;
}

function writeKernel(write: (relative: string, text: string) => void): void {
  write('src/config/index.ts', "export const config = {\n  port: Number(process.env.PORT ?? 3000),\n  apiPrefix: '/api',\n  databaseUrl: process.env.DATABASE_URL ?? 'postgres://localhost/app',\n};\n");
  write('src/utils/logger.ts', "export const logger = {\n  info: (message: string) => process.stdout.write(`${message}\\n`),\n  error: (message: string) => process.stderr.write(`${message}\\n`),\n};\n");
  write('src/utils/errors.ts', 'export class NotFoundError extends Error {\n  readonly status = 404;\n}\n');
  write('src/utils/async-handler.ts', "import type { RequestHandler } from 'express';\n\nexport const asyncHandler = (handler: RequestHandler): RequestHandler => (req, res, next) => Promise.resolve(handler(req, res, next)).catch(next);\n");
  write('src/utils/pagination.ts', 'export function paginate(page = 1, size = 20) {\n  return { offset: (page - 1) * size, limit: size };\n}\n');
  write('src/db/knex.ts', "import knex from 'knex';\nimport { config } from '../config';\n\nexport const db = knex({ client: 'pg', connection: config.databaseUrl });\n");
  write('src/middleware/auth.ts', "import type { RequestHandler } from 'express';\nimport { config } from '../config';\n\nexport const requireAuth: RequestHandler = (req, _res, next) => {\n  void config;\n  next(req.headers.authorization ? undefined : new Error('unauthorised'));\n};\n");
  write('src/middleware/validate.ts', "import type { RequestHandler } from 'express';\n\nexport const validateBody: RequestHandler = (req, _res, next) => next(req.body ? undefined : new Error('no body'));\n");
  write('src/middleware/error-handler.ts', "import type { ErrorRequestHandler } from 'express';\nimport { logger } from '../utils/logger';\n\nexport const errorHandler: ErrorRequestHandler = (error, _req, res, _next) => {\n  logger.error(String(error));\n  res.status(500).end();\n};\n");
}

function entityPath(file: DomainFile): string {
  return `${path.basename(file.path).split('.')[0]}s`;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function toPascal(word: string): string {
  return word.replace(/(^|[-_])(\w)/g, (_match, _sep, char: string) => char.toUpperCase());
}

function toCamel(word: string): string {
  const pascal = toPascal(word);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}
