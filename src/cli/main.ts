#!/usr/bin/env node
import { executeCli } from './execute-cli.js';

process.exitCode = await executeCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
