/**
 * First start: the administrator account (password from JIXIAO_ADMIN_PASSWORD or generated and shown
 * once) and, unless disabled, the demo: 湖南省衡阳县 with its finance bureau, the seed's unit
 * 衡阳县自然资源局, a preparer, a unit head and a reviewer, and the seed's 2022 evaluation as a draft.
 * Runs once per database: a `meta` row records it.
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { createUser } from './commands/accounts.ts';
import { evaluationCreate } from './commands/evaluations.ts';
import { type CommandContext, execute, recordAudit, type Services } from './commands/registry.ts';
import { type Actor, ROLE_NAMES, type Role } from './domain/roles.ts';
import { meta, regions, units } from './storage/schema.ts';

export const SEED_EVALUATION_FILE = fileURLToPath(new URL('../../../examples/hengyang-natural-resources-2022.json', import.meta.url));

export type Credential = { readonly username: string; readonly displayName: string; readonly role: Role; readonly roleName: string; readonly password: string | null };

export type BootstrapResult = {
  /** False when the database was set up before (nothing created, no password to show). */
  readonly isFirstStart: boolean;
  readonly credentials: readonly Credential[];
  readonly demoEvaluationId: string | null;
};

export type BootstrapOptions = {
  readonly adminPassword?: string | undefined;
  readonly demo: boolean;
  /** One password for the demo accounts (else each is generated). */
  readonly demoPassword?: string | undefined;
};

export const DEMO = {
  region: { name: '湖南省衡阳县', financeBureau: '衡阳县财政局' },
  unit: { name: '衡阳县自然资源局', kind: 'supervisingDepartment' as const },
  users: [
    { username: 'preparer', displayName: '填报人（演示）', role: 'preparer' as const },
    { username: 'unithead', displayName: '单位负责人（演示）', role: 'unitHead' as const },
    { username: 'reviewer', displayName: '财政局绩效股（演示）', role: 'reviewer' as const },
  ],
};

export async function bootstrap(services: Services, options: BootstrapOptions): Promise<BootstrapResult> {
  const system: CommandContext = { ...services, actor: null };
  const credentials: Credential[] = [];
  let preparer: Actor | null = null;
  const isFirstStart = await services.database.transaction(async (tx) => {
    const claimed = await tx.insert(meta).values({ key: 'installed', value: { at: services.clock().toISOString() } }).onConflictDoNothing().returning();
    if (claimed.length === 0) return false;
    const admin = await createUser(tx, system, { username: 'admin', displayName: '系统管理员', role: 'admin', password: options.adminPassword });
    credentials.push({ username: 'admin', displayName: admin.user.displayName, role: 'admin', roleName: ROLE_NAMES.admin, password: admin.initialPassword });
    if (!options.demo) return true;
    const regionId = services.newId();
    const unitId = services.newId();
    await tx.insert(regions).values({ id: regionId, ...DEMO.region });
    await tx.insert(units).values({ id: unitId, regionId, ...DEMO.unit });
    await recordAudit(tx, system, { action: 'demo-load', entityType: 'region', entityId: regionId, summary: `载入演示数据：${DEMO.region.name}、${DEMO.unit.name}` });
    for (const u of DEMO.users) {
      const created = await createUser(tx, system, { ...u, unitId: u.role === 'reviewer' ? null : unitId, regionId, password: options.demoPassword });
      credentials.push({ username: u.username, displayName: u.displayName, role: u.role, roleName: ROLE_NAMES[u.role], password: created.initialPassword });
      if (u.role === 'preparer') {
        preparer = { id: created.user.id, username: u.username, displayName: u.displayName, role: 'preparer', unitId, regionId };
      }
    }
    return true;
  });
  let demoEvaluationId: string | null = null;
  if (isFirstStart && preparer) {
    const document: unknown = JSON.parse(readFileSync(SEED_EVALUATION_FILE, 'utf8'));
    const created = await execute(evaluationCreate, { ...services, actor: preparer }, { document, note: '演示：衡阳县自然资源局 2022 年度部门整体支出绩效自评报告（原文录入，错误保留）' });
    demoEvaluationId = created.id;
    await services.database.db.update(meta).set({ value: { at: services.clock().toISOString(), demoEvaluationId } }).where(eq(meta.key, 'installed'));
  }
  return { isFirstStart, credentials, demoEvaluationId };
}
