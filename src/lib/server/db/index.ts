export { openDatabase, type Database, type Db } from './database';
export * as schema from './schema';
