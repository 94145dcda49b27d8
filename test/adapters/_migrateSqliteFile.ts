// Run in a child process by sqlite.test.ts: migrates the SQLite file named on the command line and
// prints the report, so two real processes can race on one file.
import Database from 'better-sqlite3';
import { createSqliteStorage } from '../../src/adapters/sqlite/index.js';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: _migrateSqliteFile.ts <file>');
const database = new Database(file);
const report = await createSqliteStorage({ database }).migrate();
database.close();
process.stdout.write(JSON.stringify(report));
