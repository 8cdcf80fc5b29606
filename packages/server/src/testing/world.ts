/**
 * A small world for tests, built through the commands themselves: two regions (A, B), each with a unit,
 * a preparer, a unit head and a reviewer, plus an administrator. Documents come from `examples/`.
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from '../commands/index.ts';
import { type CommandContext, defaultServices, execute, type Services } from '../commands/registry.ts';
import type { Actor, Role } from '../domain/roles.ts';
import { loadSchemes } from '../schemes.ts';
import { type BlobStore, databaseBlobStore } from '../storage/blob-store.ts';
import type { Database } from '../storage/database.ts';
import { users } from '../storage/schema.ts';

export const TEST_PASSWORD = 'Test-password-1';
/** Cheap hashing for tests (the cost is stored in each hash, so verification is unaffected). */
export const TEST_PASSWORD_COST = { logN: 10, r: 8, p: 1 } as const;

const example = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../../../examples/${name}`, import.meta.url)), 'utf8')) as Record<string, unknown>;

/** The seed (衡阳县自然资源局 2022, 11 errors as written), for a unit of the given name. */
export function seedDocument(unitName = '衡阳县自然资源局'): Record<string, unknown> {
  const d = example('hengyang-natural-resources-2022.json');
  return { ...d, unit: { ...(d['unit'] as object), name: unitName } };
}

/** A consistent department evaluation (no findings), for a unit of the given name. */
export function cleanDocument(unitName: string, year = 2023): Record<string, unknown> {
  const d = example('clean-department-2023.json');
  return { ...d, year, unit: { ...(d['unit'] as object), name: unitName } };
}

export function projectDocument(): Record<string, unknown> {
  return example('clean-project-2023.json');
}

export type WorldUser = Actor & { readonly password: string };
export type WorldSide = { readonly regionId: string; readonly unitId: string; readonly unitName: string; readonly preparer: WorldUser; readonly unitHead: WorldUser; readonly reviewer: WorldUser };

export type World = {
  readonly services: Services;
  readonly admin: WorldUser;
  readonly a: WorldSide;
  readonly b: WorldSide;
  ctx(actor: Actor | null): CommandContext;
  run<N extends keyof typeof COMMANDS>(name: N, actor: Actor | null, input: unknown): ReturnType<(typeof COMMANDS)[N]['run']>;
};

export function testServices(database: Database, blobs: BlobStore = databaseBlobStore()): Services {
  return defaultServices({ database, blobs, schemes: loadSchemes(), passwordCost: TEST_PASSWORD_COST });
}

export async function buildWorld(database: Database, blobs?: BlobStore): Promise<World> {
  const services = testServices(database, blobs);
  const ctx = (actor: Actor | null): CommandContext => ({ ...services, actor });
  const run = ((name: keyof typeof COMMANDS, actor: Actor | null, input: unknown) => execute(COMMANDS[name] as never, ctx(actor), input)) as World['run'];
  const adminRow = {
    id: services.newId(), username: 'admin', displayName: '管理员', role: 'admin', passwordHash: '',
  };
  // The first administrator is made as on first start (no one to create them).
  const { hashPassword } = await import('../auth/password.ts');
  await database.db.insert(users).values({ ...adminRow, passwordHash: await hashPassword(TEST_PASSWORD, TEST_PASSWORD_COST) });
  const admin: WorldUser = { id: adminRow.id, username: 'admin', displayName: '管理员', role: 'admin', unitId: null, regionId: null, password: TEST_PASSWORD };
  const side = async (tag: 'a' | 'b', regionName: string, unitName: string): Promise<WorldSide> => {
    const region = await run('region-create', admin, { name: regionName, financeBureau: `${regionName}财政局` });
    const unit = await run('unit-create', admin, { regionId: region.id, name: unitName, kind: 'supervisingDepartment' });
    const user = async (role: Role, username: string): Promise<WorldUser> => {
      const created = await run('user-create', admin, {
        username, displayName: `${unitName}${role}`, role, password: TEST_PASSWORD,
        ...(role === 'reviewer' ? { regionId: region.id } : { unitId: unit.id }),
      });
      return { id: created.user.id, username, displayName: created.user.displayName, role, unitId: created.user.unitId, regionId: created.user.regionId, password: TEST_PASSWORD };
    };
    return {
      regionId: region.id, unitId: unit.id, unitName,
      preparer: await user('preparer', `${tag}-preparer`),
      unitHead: await user('unitHead', `${tag}-head`),
      reviewer: await user('reviewer', `${tag}-reviewer`),
    };
  };
  const a = await side('a', '湖南省衡阳县', '衡阳县自然资源局');
  const b = await side('b', '湖南省祁东县', '祁东县自然资源局');
  return { services, admin, a, b, ctx, run };
}

