#!/usr/bin/env node
// The CLI ships TypeScript source, like every @repo package: tsx loads it.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
