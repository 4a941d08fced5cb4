import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { getFixturePath } from '../helpers/fixture-path.js';

describe('the shared kernel', () => {
  it("sets aside a folder loader (sequelize-cli's models/index.js) as a registry of its folder", async () => {
    for (const root of [getFixturePath('imports', 'folder-loader'), getFixturePath('data', 'sequelize', 'cli-config')]) {
      const analysis = await analyze({ root });
      const loader = analysis.sharedKernel.find((entry) => entry.path === 'models/index.js');
      expect(loader?.reason, root).toMatch(/^folder loader: loads the \d+ files of its folder$/);
    }
  });
});
