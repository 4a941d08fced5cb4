import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE_NAME } from '../../config/load-config.js';
import { createStarterConfig } from '../../config/create-starter-config.js';
import { UsageError } from '../../util/errors.js';
import { type CliStreams, EXIT } from '../io.js';

export function registerInit(program: Command, streams: CliStreams, setExit: (code: number) => void): void {
  program
    .command('init')
    .description(`write a starter ${CONFIG_FILE_NAME} (never overwrites one)`)
    .argument('[path]', 'project folder', '.')
    .action((root: string) => {
      const directory = path.resolve(root);
      if (!fs.existsSync(directory) || !fs.statSync(directory).isDirectory()) throw new UsageError(`not a directory: ${root}`);
      const file = path.join(directory, CONFIG_FILE_NAME);
      const shown = path.relative(process.cwd(), file) || CONFIG_FILE_NAME;
      const text = `${JSON.stringify(createStarterConfig(), null, 2)}\n`;
      try {
        fs.writeFileSync(file, text, { flag: 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new UsageError(`${shown} already exists; not overwritten (edit it, or remove it and run seams init again)`);
        throw new UsageError(`cannot write ${shown}: ${code ?? (error as Error).message}`);
      }
      streams.stdout.write(`Wrote ${shown}. Edit it, then run: seams analyze ${root}\n`);
      setExit(EXIT.ok);
    });
}
