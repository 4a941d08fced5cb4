// Writes a synthetic NestJS + TypeORM monolith of about `files` files for the benchmark:
// domains of layered files (module, controllers, services, repositories, entities, DTOs, a
// barrel), path aliases, a shared kernel everything imports, and a few cross-domain imports.
import fs from 'node:fs';
import path from 'node:path';

const FILES_PER_DOMAIN = 40;

export function generateSyntheticMonolith(root, files, seed = 1) {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  fs.rmSync(root, { recursive: true, force: true });
  const write = (relative, text) => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  write('package.json', JSON.stringify({ name: 'synthetic', dependencies: { '@nestjs/common': '10', typeorm: '0.3', '@nestjs/typeorm': '10' } }));
  write('tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', experimentalDecorators: true, paths: { '@common/*': ['src/common/*'], '@domains/*': ['src/domains/*'] } } }));
  const kernel = ['logger', 'config', 'errors', 'pagination', 'base.entity', 'utils'];
  for (const name of kernel) write(`src/common/${name}.ts`, `export class ${pascal(name)} { static of(value: unknown) { return value; } }\n`);

  const domainCount = Math.max(2, Math.round((files - kernel.length) / FILES_PER_DOMAIN));
  const domains = Array.from({ length: domainCount }, (_, i) => `domain${i}`);
  const unitsPerDomain = Math.floor((FILES_PER_DOMAIN - 2) / 5);
  domains.forEach((domain, d) => {
    const units = Array.from({ length: unitsPerDomain }, (_, u) => `${domain}Item${u}`);
    const barrel = [];
    for (const unit of units) {
      const kebab = toKebab(unit);
      const table = `${kebab.replaceAll('-', '_')}s`;
      write(`src/domains/${domain}/entities/${kebab}.entity.ts`,
        `import { Entity, Column, ManyToOne } from 'typeorm';\nimport { BaseEntity } from '@common/base.entity';\n\n@Entity('${table}')\nexport class ${pascal(unit)} extends BaseEntity {\n  @Column() name!: string;\n  @Column() amount!: number;\n}\n`);
      write(`src/domains/${domain}/dto/${kebab}.dto.ts`,
        `import type { ${pascal(unit)} } from '../entities/${kebab}.entity';\nexport interface ${pascal(unit)}Dto { id: string; name: string; source?: ${pascal(unit)} }\n`);
      write(`src/domains/${domain}/repositories/${kebab}.repository.ts`,
        `import { Injectable } from '@nestjs/common';\nimport { InjectRepository } from '@nestjs/typeorm';\nimport { Repository } from 'typeorm';\nimport { ${pascal(unit)} } from '../entities/${kebab}.entity';\nimport { Logger } from '@common/logger';\n\n@Injectable()\nexport class ${pascal(unit)}Repository {\n  constructor(@InjectRepository(${pascal(unit)}) private readonly repo: Repository<${pascal(unit)}>) {}\n  findAll() { Logger.of('find'); return this.repo.find(); }\n  save(item: ${pascal(unit)}) { return this.repo.save(item); }\n}\n`);
      const other = units[Math.floor(random() * units.length)];
      const crossDomain = random() < 0.08 ? domains[Math.floor(random() * domains.length)] : null;
      const crossImport = crossDomain && crossDomain !== domain
        ? `import { ${pascal(`${crossDomain}Item0`)}Service } from '@domains/${crossDomain}';\n` : '';
      write(`src/domains/${domain}/services/${kebab}.service.ts`,
        `import { Injectable } from '@nestjs/common';\nimport { ${pascal(unit)}Repository } from '../repositories/${kebab}.repository';\nimport { ${pascal(other)}Repository } from '../repositories/${toKebab(other)}.repository';\nimport type { ${pascal(unit)}Dto } from '../dto/${kebab}.dto';\nimport { Config } from '@common/config';\nimport { Errors } from '@common/errors';\n${crossImport}\n@Injectable()\nexport class ${pascal(unit)}Service {\n  constructor(private readonly items: ${pascal(unit)}Repository, private readonly others: ${pascal(other)}Repository) {}\n  async list(): Promise<${pascal(unit)}Dto[]> {\n    Config.of('x');\n    const rows = await this.items.findAll();\n    if (!rows) throw Errors.of('none');\n    return rows.map((row) => ({ id: String(row), name: 'n' }));\n  }\n}\n`);
      write(`src/domains/${domain}/controllers/${kebab}.controller.ts`,
        `import { Controller, Get } from '@nestjs/common';\nimport { ${pascal(unit)}Service } from '../services/${kebab}.service';\nimport { Pagination } from '@common/pagination';\n\n@Controller('${kebab}')\nexport class ${pascal(unit)}Controller {\n  constructor(private readonly service: ${pascal(unit)}Service) {}\n  @Get() list() { Pagination.of(1); return this.service.list(); }\n}\n`);
      barrel.push(`export * from './services/${kebab}.service';`);
    }
    write(`src/domains/${domain}/index.ts`, `${barrel.join('\n')}\n`);
    const imports = units.flatMap((unit) => [
      `import { ${pascal(unit)}Controller } from './controllers/${toKebab(unit)}.controller';`,
      `import { ${pascal(unit)}Service } from './services/${toKebab(unit)}.service';`,
      `import { ${pascal(unit)}Repository } from './repositories/${toKebab(unit)}.repository';`,
    ]);
    write(`src/domains/${domain}/${domain}.module.ts`,
      `import { Module } from '@nestjs/common';\n${imports.join('\n')}\n\n@Module({\n  controllers: [${units.map((u) => `${pascal(u)}Controller`).join(', ')}],\n  providers: [${units.map((u) => `${pascal(u)}Service, ${pascal(u)}Repository`).join(', ')}],\n})\nexport class ${pascal(domain)}Module {}\n`);
    if (d === 0) write('src/main.ts', `import { Logger } from '@common/logger';\nLogger.of('start');\n`);
  });
  return { domains: domainCount };
}

function pascal(name) {
  return name.replace(/(^|[-._])(\w)/g, (_, __, c) => c.toUpperCase());
}

function toKebab(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
