import * as fs from 'fs';
import { parseAllDocuments } from 'yaml';
import { Validator } from './src';
const dir = process.argv[2];
const docs = fs.readdirSync(dir).flatMap((f) => parseAllDocuments(fs.readFileSync(`${dir}/${f}`, 'utf8')).map((d) => ({ object: d.toJS(), file: f })));
for (const f of Validator.validateInputs(docs)) console.log(Validator.format(f));
