/**
 * The review workflow as a transition table with role guards, and one pure `transition()`.
 *
 * 草稿 → 已提交 (填报人) → 已退回 (财政审核, with an opinion) or 已审核 (财政审核, with 复核得分 and 审核意见)
 * → 已公开 (财政审核). A returned evaluation is edited (new versions) and submitted again.
 * Reference: issue 5 §3; STYLE.md §6 item 13.
 * @module
 */
import { DomainError } from '@jixiao/core';
import { type Actor, ROLE_NAMES, type Role } from './roles.ts';

export const Status = {
  draft: 'draft',
  submitted: 'submitted',
  returned: 'returned',
  approved: 'approved',
  published: 'published',
} as const;
export type Status = (typeof Status)[keyof typeof Status];
export const STATUSES = Object.values(Status);

export const STATUS_NAMES: Record<Status, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '已审核',
  published: '已公开',
};

export const Action = { submit: 'submit', return: 'return', approve: 'approve', publish: 'publish', withdraw: 'withdraw', sign: 'sign' } as const;
export type Action = (typeof Action)[keyof typeof Action];

export const ACTION_NAMES: Record<Action, string> = { submit: '提交', return: '退回', approve: '审核通过', publish: '公开', withdraw: '撤回公开', sign: '单位负责人签字确认' };

/** What an action must carry besides the actor. */
export type Requirement = 'opinion' | 'reviewScore' | 'justifications';

type TransitionRule = { readonly to: Status; readonly roles: readonly Role[]; readonly requires: readonly Requirement[] };

export const REVIEW_TRANSITIONS: Readonly<Record<Status, Partial<Record<Action, TransitionRule>>>> = {
  // 签字确认: the unit head signs the current version before it goes to the bureau (the status stays).
  draft: { submit: { to: 'submitted', roles: ['preparer'], requires: ['justifications'] }, sign: { to: 'draft', roles: ['unitHead'], requires: [] } },
  returned: { submit: { to: 'submitted', roles: ['preparer'], requires: ['justifications'] }, sign: { to: 'returned', roles: ['unitHead'], requires: [] } },
  submitted: {
    return: { to: 'returned', roles: ['reviewer'], requires: ['opinion'] },
    approve: { to: 'approved', roles: ['reviewer'], requires: ['reviewScore', 'opinion'] },
  },
  approved: { publish: { to: 'published', roles: ['reviewer'], requires: [] } },
  // Withdrawing a publication (a mistake, a correction) is recorded with its reason.
  published: { withdraw: { to: 'approved', roles: ['reviewer'], requires: ['opinion'] } },
};

/** Statuses in which the unit may edit (every edit is a new version). */
export const EDITABLE_STATUSES: readonly Status[] = ['draft', 'returned'];

export const isStatus = (s: string): s is Status => (STATUSES as readonly string[]).includes(s);

/**
 * The status after `action`, or a DomainError: `transition-not-allowed` (not from this status) or
 * `forbidden` (not for this role). Pure: the caller checks what the action carries and stores the result.
 */
export function transition(status: Status, action: Action, actor: Pick<Actor, 'role'>): { readonly to: Status; readonly requires: readonly Requirement[] } {
  const rule = REVIEW_TRANSITIONS[status][action];
  if (!rule) {
    const allowed = Object.keys(REVIEW_TRANSITIONS[status]).map((a) => ACTION_NAMES[a as Action]);
    throw new DomainError(
      'transition-not-allowed',
      `自评当前为「${STATUS_NAMES[status]}」，不能${ACTION_NAMES[action]}${allowed.length ? `（此时可以：${allowed.join('、')}）` : '（已是最终状态）'}`,
    );
  }
  if (!rule.roles.includes(actor.role)) {
    throw new DomainError('forbidden', `${ACTION_NAMES[action]}只能由${rule.roles.map((r) => ROLE_NAMES[r]).join('或')}操作，你的角色是${ROLE_NAMES[actor.role]}`);
  }
  return { to: rule.to, requires: rule.requires };
}

/** The actions `actor` may take now (for the web app's buttons). */
export function allowedActions(status: Status, actor: Pick<Actor, 'role'>): Action[] {
  return (Object.entries(REVIEW_TRANSITIONS[status]) as [Action, TransitionRule][])
    .filter(([, rule]) => rule.roles.includes(actor.role))
    .map(([action]) => action);
}
