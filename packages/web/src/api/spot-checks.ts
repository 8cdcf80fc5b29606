/**
 * 抽查复核 endpoints (packages/server/src/commands/spot-checks*.ts) and their types, as the server
 * declares them (type-only imports: nothing of the server reaches the bundle).
 * @module
 */
import type { spotCheckCreate, spotCheckGet, spotCheckList, spotCheckRecord } from '../../../server/src/commands/spot-checks.ts';
import type { RiskCriterion, spotCheckCreateByRisk } from '../../../server/src/commands/spot-checks-risk.ts';
import { request } from './client.ts';
import type { Page } from './types.ts';

type Result<C extends { run: (...args: never[]) => Promise<unknown> }> = Awaited<ReturnType<C['run']>>;

export type SpotCheckListItem = Result<typeof spotCheckList>['items'][number];
export type SpotCheck = Result<typeof spotCheckGet>;
export type SpotCheckItem = SpotCheck['items'][number];
export type SpotCheckCreated = Result<typeof spotCheckCreate>;
export type RiskSpotCheckCreated = Result<typeof spotCheckCreateByRisk>;
export type RecordResult = Result<typeof spotCheckRecord>;
export type { RiskCriterion };

export const SPOT_CHECK_RESULTS = [
  { value: 'confirmed', label: '自评属实' },
  { value: 'adjusted', label: '得分调整' },
  { value: 'problems', label: '存在问题' },
] as const;
export type SpotCheckResultValue = (typeof SPOT_CHECK_RESULTS)[number]['value'];

/** The three criteria of a draw by risk, as the reviewer picks them. */
export const RISK_OPTIONS: readonly { value: RiskCriterion; label: string }[] = [
  { value: 'findings', label: '问题最多' },
  { value: 'gap', label: '自评与计算得分差距最大' },
  { value: 'lowExecutionHighScore', label: '执行率低而得分高' },
];

/** How a spot check was drawn, in words ("random", "manual", "risk:gap"). */
export function methodName(method: string): string {
  if (method === 'random') return '随机抽取';
  if (method === 'manual') return '指定';
  const risk = RISK_OPTIONS.find((o) => `risk:${o.value}` === method);
  return risk ? `按风险：${risk.label}` : method;
}

const id = (x: string) => encodeURIComponent(x);

export const listSpotChecks = (page = 1, pageSize = 20): Promise<Page<SpotCheckListItem>> =>
  request('GET', `/api/spot-checks?page=${page}&pageSize=${pageSize}`);

export const getSpotCheck = (spotCheckId: string): Promise<SpotCheck> => request('GET', `/api/spot-checks/${id(spotCheckId)}`);

/** POST /api/spot-checks — `count` at random (with `seed`, or one the server picks and records). */
export const createRandomSpotCheck = (input: { year: number; count: number; seed?: string | undefined; note?: string | undefined }): Promise<SpotCheckCreated> =>
  request('POST', '/api/spot-checks', input);

/** POST /api/spot-checks/by-risk — the `count` riskiest by one criterion. */
export const createRiskSpotCheck = (input: { year: number; count: number; criterion: RiskCriterion; note?: string | undefined }): Promise<RiskSpotCheckCreated> =>
  request('POST', '/api/spot-checks/by-risk', input);

/** PUT /api/spot-checks/:id/items/:evaluationId/assignee — null unassigns. */
export const assignSpotCheckItem = (spotCheckId: string, evaluationId: string, assigneeId: string | null): Promise<unknown> =>
  request('PUT', `/api/spot-checks/${id(spotCheckId)}/items/${id(evaluationId)}/assignee`, { assigneeId });

/** PUT /api/spot-checks/:id/items/:evaluationId — result, opinion and 复核得分 (null clears it). */
export const recordSpotCheckItem = (
  spotCheckId: string,
  evaluationId: string,
  input: { result: SpotCheckResultValue; opinion: string; reviewedScore: string | null },
): Promise<RecordResult> => request('PUT', `/api/spot-checks/${id(spotCheckId)}/items/${id(evaluationId)}`, input);
