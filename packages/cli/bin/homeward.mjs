#!/usr/bin/env node
// The `homeward` command line. It runs the TypeScript sources directly (no build step), like the server.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/main.ts');
process.exitCode = await run(process.argv);
