import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printedSchema } from '../src/app/schema.js';

/** `pnpm schema:emit`: writes server/schema.graphql from the code (a test fails when they drift). */
const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema.graphql');
const file = fs.existsSync(path.resolve(path.dirname(target), 'package.json')) ? target : path.resolve('schema.graphql');
fs.writeFileSync(file, await printedSchema());
process.stdout.write(`wrote ${file}\n`);
