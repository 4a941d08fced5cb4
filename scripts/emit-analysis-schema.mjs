// Generates schema/analysis.schema.json from the Analysis type in src/types.ts, so the JSON
// contract and the TypeScript types cannot drift apart. Run: node scripts/emit-analysis-schema.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export function generateAnalysisSchema() {
  const schema = createGenerator({
    path: path.join(root, 'src', 'types.ts'),
    tsconfig: path.join(root, 'tsconfig.json'),
    type: 'Analysis',
    skipTypeCheck: true,
    additionalProperties: false,
    expose: 'export',
    topRef: true,
  }).createSchema('Analysis');
  schema.$id = 'https://seams.dev/schema/analysis.schema.json';
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(path.join(root, 'schema'), { recursive: true });
  fs.writeFileSync(path.join(root, 'schema', 'analysis.schema.json'), generateAnalysisSchema());
}
