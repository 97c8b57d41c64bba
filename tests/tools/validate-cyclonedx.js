// Validates CycloneDX 1.6 JSON files against the official schema (shipped by @cyclonedx/cyclonedx-library),
// with ajv in strict draft-07 mode and formats checked. Prints "valid <file>" or the errors; exit code 1 on any error.
// Usage: NODE_PATH=artifacts/tools/node/node_modules node tests/tools/validate-cyclonedx.js FILE...
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const schemaDir = path.join(path.dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
const load = (name) => JSON.parse(fs.readFileSync(path.join(schemaDir, name), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
// Formats the schema uses that ajv-formats lacks: checked loosely rather than ignored.
ajv.addFormat('iri-reference', /^\S*$/u);
ajv.addFormat('idn-email', /^[^\s@]+@[^\s@]+$/u);
// The BOM schema refers to its two neighbours by file name, relative to its own $id.
for (const name of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json']) {
  const schema = load(name);
  delete schema.$id;
  ajv.addSchema(schema, 'http://cyclonedx.org/schema/' + name);
}
const validate = ajv.compile(load('bom-1.6.SNAPSHOT.schema.json'));

let failed = false;
for (const file of process.argv.slice(2)) {
  const bom = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (validate(bom)) {
    console.log(`valid ${file}`);
  } else {
    failed = true;
    console.log(`invalid ${file}`);
    for (const error of validate.errors) console.log(`  ${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
  }
}
if (process.argv.length < 3) { console.log('no file given'); failed = true; }
process.exit(failed ? 1 : 0);
