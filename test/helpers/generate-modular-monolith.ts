import fs from 'node:fs';
import path from 'node:path';
import { createRandom } from '../../src/util/random.js';

/**
 * Writes a NestJS + TypeORM modular monolith (`src/modules/<module>/` with its entities, services,
 * controllers and DTOs) and returns the true split: each module is one service. Modules differ in
 * size; large ones may be organised in feature folders of their own
 * (`src/modules/billing/invoices/services/invoice.service.ts`), which depend on each other less
 * than on themselves but belong to their module. Modules call each other's services (a share of
 * all service imports) and share a kernel (logger, config, auth guard, base entity). It exists
 * to check that the folders the authors drew are kept, whatever the modules' sizes.
 */
export interface ModularMonolithShape {
  seed: number;
  modules: number;
  /** Each module gets a size drawn uniformly from this range (in files). */
  minModuleFiles: number;
  maxModuleFiles: number;
  /** Share of service-to-service imports that cross modules. */
  crossShare: number;
  /** Chance that a module of over 60 files is organised in feature folders. */
  featureFolderShare: number;
}

const MODULE_NAMES = (
  'billing catalog identity inventory shipping notifications reviews analytics payments ordering support marketing ' +
  'scheduling reporting search media accounts subscriptions loyalty pricing fulfilment returns compliance onboarding ' +
  'messaging documents integrations webhooks tenants auditing'
).split(' ');

const ENTITY_NOUNS = (
  'invoice receipt ledger refund coupon product variant category brand user role session credential warehouse stock ' +
  'supplier shipment parcel carrier alert digest template review rating vote dashboard metric funnel charge payout ' +
  'mandate cart basket checkout ticket agent macro campaign segment banner slot booking roster report export query ' +
  'facet synonym image video thumbnail profile address preference plan renewal trial point badge tier price ' +
  'discount bundle picking packing label return inspection restock consent retention filing welcome tour checklist ' +
  'thread mention inbox contract signature folder connector sync mapping hook delivery endpoint tenant domain quota ' +
  'trail entry snapshot'
).split(' ');

interface Unit {
  noun: string;
  base: string;
  module: string;
}

export function generateModularMonolith(root: string, shape: ModularMonolithShape): Map<string, string> {
  const random = createRandom(shape.seed);
  const files = new Map<string, string>();
  const split = new Map<string, string>();
  const nouns = shuffle(ENTITY_NOUNS, random);
  const modules = shuffle(MODULE_NAMES, random).slice(0, shape.modules);
  const unitsByModule = new Map<string, Unit[]>();
  for (const module of modules) {
    const size = shape.minModuleFiles + Math.floor(random() * (shape.maxModuleFiles - shape.minModuleFiles + 1));
    const count = Math.max(1, Math.round(size / 4));
    const inFeatures = size > 60 && random() < shape.featureFolderShare;
    const units: Unit[] = [];
    for (let index = 0; index < count; index++) {
      const noun = nouns.length > 0 ? nouns.pop()! : `${module}-item${index}`;
      // Feature folders of four to six units each, named for their first unit.
      const feature = inFeatures ? units[index - (index % 5)]?.noun ?? noun : null;
      units.push({ noun, module, base: feature ? `src/modules/${module}/${feature}s` : `src/modules/${module}` });
    }
    unitsByModule.set(module, units);
  }

  const write = (file: string, text: string, module: string | null) => {
    files.set(file, text);
    if (module) split.set(file, module);
  };
  const importFrom = (from: string, to: string, symbol: string) => {
    let specifier = path.posix.relative(path.posix.dirname(from), to).replace(/\.ts$/, '');
    if (!specifier.startsWith('.')) specifier = `./${specifier}`;
    return `import { ${symbol} } from '${specifier}';\n`;
  };
  const kernel = {
    logger: 'src/common/logger.ts',
    config: 'src/common/config.ts',
    guard: 'src/common/guards/auth.guard.ts',
    base: 'src/common/base.entity.ts',
  };
  write(kernel.logger, "export class AppLogger {\n  log(message: string): void {\n    process.stdout.write(message + '\\n');\n  }\n}\n", null);
  write(kernel.config, "export const config = { databaseUrl: process.env.DATABASE_URL ?? '' };\n", null);
  write(kernel.guard, "import { CanActivate, Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class AuthGuard implements CanActivate {\n  canActivate(): boolean {\n    return true;\n  }\n}\n", null);
  write(kernel.base, "import { PrimaryGeneratedColumn } from 'typeorm';\n\nexport abstract class BaseEntity {\n  @PrimaryGeneratedColumn('uuid') id!: string;\n}\n", null);

  const allUnits = [...unitsByModule.values()].flat();
  const servicePath = (unit: Unit) => `${unit.base}/services/${unit.noun}.service.ts`;
  const serviceName = (unit: Unit) => `${toPascal(unit.noun)}Service`;
  for (const [module, units] of unitsByModule) {
    const moduleImports: string[] = [];
    const moduleFile = `src/modules/${module}/${module}.module.ts`;
    for (const unit of units) {
      const pascal = toPascal(unit.noun);
      const entity = `${unit.base}/entities/${unit.noun}.entity.ts`;
      write(
        entity,
        `import { Column, Entity } from 'typeorm';\n${importFrom(entity, kernel.base, 'BaseEntity')}\n@Entity('${unit.noun.replace(/-/g, '_')}s')\nexport class ${pascal} extends BaseEntity {\n  @Column() name!: string;\n}\n`,
        module,
      );
      const dto = `${unit.base}/dto/${unit.noun}.dto.ts`;
      write(dto, `${importFrom(dto, entity, pascal).replace('import {', 'import type {')}\nexport interface ${pascal}Dto {\n  id: string;\n  name: string;\n  source?: ${pascal};\n}\n`, module);
      const service = servicePath(unit);
      const collaborators = new Map<string, Unit>();
      const sameFolder = units.filter((other) => other !== unit && other.base === unit.base);
      const sameModule = units.filter((other) => other !== unit && other.base !== unit.base);
      if (sameFolder.length > 0 && random() < 0.7) collaborators.set('near', pick(sameFolder, random));
      if (sameModule.length > 0 && random() < 0.4) collaborators.set('module', pick(sameModule, random));
      if (random() < shape.crossShare * 3) {
        const others = allUnits.filter((other) => other.module !== module);
        if (others.length > 0) collaborators.set('cross', pick(others, random));
      }
      const uses = [...collaborators.values()].filter((other, index, list) => list.indexOf(other) === index);
      write(
        service,
        "import { Injectable } from '@nestjs/common';\nimport { InjectRepository } from '@nestjs/typeorm';\nimport { Repository } from 'typeorm';\n" +
          importFrom(service, entity, pascal) +
          importFrom(service, dto, `${pascal}Dto`).replace('import {', 'import type {') +
          importFrom(service, kernel.logger, 'AppLogger') +
          uses.map((other) => importFrom(service, servicePath(other), serviceName(other))).join('') +
          `\n@Injectable()\nexport class ${pascal}Service {\n  constructor(\n    @InjectRepository(${pascal}) private readonly rows: Repository<${pascal}>,\n    private readonly logger: AppLogger,\n${uses.map((other, index) => `    private readonly peer${index}: ${serviceName(other)},\n`).join('')}  ) {}\n\n  async list(): Promise<${pascal}Dto[]> {\n    this.logger.log('${unit.noun}');\n    return (await this.rows.find()).map((row) => ({ id: row.id, name: row.name }));\n  }\n}\n`,
        module,
      );
      moduleImports.push(importFrom(moduleFile, service, serviceName(unit)));
      if (random() < 0.7) {
        const controller = `${unit.base}/controllers/${unit.noun}.controller.ts`;
        write(
          controller,
          "import { Controller, Get, UseGuards } from '@nestjs/common';\n" +
            importFrom(controller, service, serviceName(unit)) +
            importFrom(controller, kernel.guard, 'AuthGuard') +
            `\n@Controller('${unit.noun}s')\n@UseGuards(AuthGuard)\nexport class ${pascal}Controller {\n  constructor(private readonly service: ${serviceName(unit)}) {}\n\n  @Get()\n  list() {\n    return this.service.list();\n  }\n}\n`,
          module,
        );
        moduleImports.push(importFrom(moduleFile, controller, `${pascal}Controller`));
      }
    }
    write(
      moduleFile,
      `import { Module } from '@nestjs/common';\n${moduleImports.join('')}\n@Module({})\nexport class ${toPascal(module)}Module {}\n`,
      module,
    );
  }
  const appModule = 'src/app.module.ts';
  write(appModule, `import { Module } from '@nestjs/common';\n${modules.map((module) => importFrom(appModule, `src/modules/${module}/${module}.module.ts`, `${toPascal(module)}Module`)).join('')}\n@Module({ imports: [${modules.map((module) => `${toPascal(module)}Module`).join(', ')}] })\nexport class AppModule {}\n`, null);
  write('src/main.ts', "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nvoid NestFactory.create(AppModule).then((app) => app.listen(3000));\n", null);
  write('package.json', `${JSON.stringify({ name: 'modular', private: true, dependencies: { '@nestjs/common': '^10.3.0', '@nestjs/core': '^10.3.0', '@nestjs/typeorm': '^10.0.2', typeorm: '^0.3.20' } }, null, 2)}\n`, null);
  write('tsconfig.json', `${JSON.stringify({ compilerOptions: { strict: true, experimentalDecorators: true, emitDecoratorMetadata: true } }, null, 2)}\n`, null);
  fs.rmSync(root, { recursive: true, force: true });
  for (const [file, text] of files) {
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return split;
}

function toPascal(name: string): string {
  return name
    .split(/[-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function pick<T>(items: T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}
