import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';

export interface ExpectedFixture {
  description: string;
  split?: Record<string, string[]>;
  shared?: string[];
  accesses?: { file: string; table: string; access: 'read' | 'write' }[];
  [key: string]: unknown;
}

export function readExpected(fixtureRoot: string): ExpectedFixture {
  return JSON.parse(fs.readFileSync(path.join(fixtureRoot, 'expected.json'), 'utf8')) as ExpectedFixture;
}

/** The intended service of each file, from the fixture's `split` globs (first match wins). */
export function getExpectedServices(expected: ExpectedFixture, files: string[]): Map<string, string> {
  const services = new Map<string, string>();
  const matchers = Object.entries(expected.split ?? {}).map(([service, globs]) => ({ service, match: picomatch(globs) }));
  for (const file of files) {
    const found = matchers.find(({ match }) => match(file));
    if (found) services.set(file, found.service);
  }
  return services;
}
