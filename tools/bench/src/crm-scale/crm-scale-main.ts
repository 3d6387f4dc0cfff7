// Fills a database of your own with the CRM at the scale of issue 11, for trying queries on it:
//   node tools/bench/dist/crm-scale/crm-scale-main.js postgres://postgres@127.0.0.1:5432/crm_scale [size]
// The database must be empty (the built engine is started on it once to migrate it and to create the
// teams and users: passwords `<username>-bench-password`, e.g. manager-north, seller-north-1).
import { prepareCrmScale } from './crm-scale-bench.js';

const log = (line: string): void => {
  process.stderr.write(`[crm-scale ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

async function main(): Promise<void> {
  const [databaseUrl, size = '1'] = process.argv.slice(2);
  if (!databaseUrl || !(Number(size) > 0 && Number(size) <= 1)) {
    process.stderr.write('usage: crm-scale-main.js <postgres url of an empty database> [size: 0 < size <= 1, default 1]\n');
    process.exit(2);
  }
  const { engine, generation } = await prepareCrmScale(databaseUrl, Number(size), log);
  await engine.stop();
  process.stdout.write(`${JSON.stringify(generation, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
