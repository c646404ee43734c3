/** `npm run rules`: write firestore.rules from the workflow tables. */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { generateRules } from '../functions/src/workflow/rules';

const out = join(__dirname, '..', 'firestore.rules');
writeFileSync(out, generateRules());
console.log(`wrote ${out}`);
