/**
 * Roles and statuses as data, with their Chinese names.
 * @module
 */
export const Role = {
  preparer: 'preparer',
  unitHead: 'unitHead',
  reviewer: 'reviewer',
  admin: 'admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role);

export const ROLE_NAMES: Record<Role, string> = {
  preparer: '填报人',
  unitHead: '单位负责人',
  reviewer: '财政审核',
  admin: '系统管理员',
};

/** Roles that belong to a unit (they see only their unit); the reviewer belongs to a region. */
export const UNIT_ROLES: readonly Role[] = [Role.preparer, Role.unitHead];

export const UnitKind = { supervisingDepartment: 'supervisingDepartment', budgetUnit: 'budgetUnit' } as const;
export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind];
export const UNIT_KIND_NAMES: Record<UnitKind, string> = { supervisingDepartment: '主管部门', budgetUnit: '预算单位' };

/** The signed-in user a command runs for. */
export type Actor = {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly unitId: string | null;
  readonly regionId: string | null;
};
