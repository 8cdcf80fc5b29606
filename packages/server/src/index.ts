/**
 * @jixiao/server — storage (PGlite | PostgreSQL), accounts, the review workflow and the HTTP API.
 * @module
 */
export * from './storage/database.ts';
export { openDatabase, storageConfigFromEnv, DEFAULT_DATA_DIR } from './storage/open.ts';
export { openPglite } from './storage/pglite.ts';
export { openPostgres } from './storage/postgres.ts';
export { writeBackup, restoreBackup, type BackupSummary } from './storage/backup.ts';
export { databaseBlobStore, directoryBlobStore, type BlobStore } from './storage/blob-store.ts';
export { COMMANDS, type CommandName } from './commands/index.ts';
export { execute, defaultServices, type Services, type CommandContext } from './commands/registry.ts';
export { REVIEW_TRANSITIONS, transition, Status, STATUS_NAMES, Action } from './domain/workflow.ts';
export { Role, ROLE_NAMES, type Actor } from './domain/roles.ts';
export { createApp } from './http/app.ts';
export { ROUTES } from './http/routes.ts';
export { openApiDocument } from './http/openapi.ts';
export { startServer, type RunningServer } from './server.ts';
export { configFromEnv, type ServerConfig } from './config.ts';
export { backupCommand, restoreCommand } from './backup-cli.ts';
export { demoCommand } from './demo/cli.ts';
export { workerCommand } from './batch/cli.ts';
export { openDataCommand } from './commands/open-data-cli.ts';
export { generateDemo, DEMO_DEFECTS, type DemoData, type DemoOptions } from './demo/generate.ts';
export { storeDemo, type DemoStoreResult } from './demo/store.ts';
