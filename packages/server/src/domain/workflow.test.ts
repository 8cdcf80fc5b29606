import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './roles.ts';
import { type Action, allowedActions, REVIEW_TRANSITIONS, type Status, STATUSES, transition } from './workflow.ts';

const ACTIONS: readonly Action[] = ['submit', 'return', 'approve', 'publish', 'withdraw', 'sign'];

/** The whole table, written out: status × action → [role allowed, next status]. */
const EXPECTED: Record<string, [Role, Status] | null> = {
  'draft submit': ['preparer', 'submitted'],
  'returned submit': ['preparer', 'submitted'],
  'submitted return': ['reviewer', 'returned'],
  'submitted approve': ['reviewer', 'approved'],
  'approved publish': ['reviewer', 'published'],
  'published withdraw': ['reviewer', 'approved'],
  'draft sign': ['unitHead', 'draft'],
  'returned sign': ['unitHead', 'returned'],
};

describe('the review workflow table', () => {
  it.each(STATUSES.flatMap((s) => ACTIONS.flatMap((a) => ROLES.map((r) => [s, a, r] as const))))('%s · %s · %s', (status, action, role) => {
    const rule = EXPECTED[`${status} ${action}`];
    if (rule && rule[0] === role) {
      expect(transition(status, action, { role }).to).toBe(rule[1]);
    } else if (rule) {
      expect(() => transition(status, action, { role })).toThrow(expect.objectContaining({ code: 'forbidden' }));
    } else {
      expect(() => transition(status, action, { role })).toThrow(expect.objectContaining({ code: 'transition-not-allowed' }));
    }
  });

  it('says in Chinese what is possible instead', () => {
    expect(() => transition('approved', 'submit', { role: 'preparer' })).toThrow('自评当前为「已审核」，不能提交（此时可以：公开）');
    expect(() => transition('published', 'return', { role: 'reviewer' })).toThrow('自评当前为「已公开」，不能退回（此时可以：撤回公开）');
    expect(() => transition('submitted', 'approve', { role: 'unitHead' })).toThrow('审核通过只能由财政审核操作，你的角色是单位负责人');
  });

  it('requires an opinion to return, a score and an opinion to approve, justifications to submit', () => {
    expect(REVIEW_TRANSITIONS.submitted.return?.requires).toEqual(['opinion']);
    expect(REVIEW_TRANSITIONS.submitted.approve?.requires).toEqual(['reviewScore', 'opinion']);
    expect(REVIEW_TRANSITIONS.draft.submit?.requires).toEqual(['justifications']);
  });

  it('lists the actions a role may take in a status', () => {
    expect(allowedActions('submitted', { role: 'reviewer' })).toEqual(['return', 'approve']);
    expect(allowedActions('submitted', { role: 'preparer' })).toEqual([]);
    expect(allowedActions('draft', { role: 'preparer' })).toEqual(['submit']);
    expect(allowedActions('draft', { role: 'unitHead' })).toEqual(['sign']);
    expect(allowedActions('published', { role: 'reviewer' })).toEqual(['withdraw']);
    expect(allowedActions('published', { role: 'preparer' })).toEqual([]);
  });
});
