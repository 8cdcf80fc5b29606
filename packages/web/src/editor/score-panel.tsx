/**
 * Live scoring: the total and grade the engine computes under the scheme beside what the unit wrote.
 * The view is reduced to strings first, so the panel re-renders only when a figure on it changes.
 * @module
 */
import { type Dec, type Derived, cmp, parseDec } from '@jixiao/core';
import { Tag, Typography } from 'antd';
import { memo } from 'react';
import { formatDec } from '../lib/format.ts';
import { getAt } from '../lib/paths.ts';
import type { EvaluationKind } from './sections.ts';

const written = (v: unknown): Dec | null => (typeof v === 'number' || typeof v === 'string' ? parseDec(String(v)) : null);

type ScoreView = {
  readonly scheme: string;
  readonly computed: string;
  readonly stated: string | null;
  readonly differs: boolean;
  readonly grade: string;
  readonly statedGrade: string;
  readonly rows: readonly (readonly [label: string, value: string])[];
};

const ScoreViewPanel = memo(
  function ScoreViewPanel({ view }: { view: ScoreView }) {
    return (
      <section className="jx-score" aria-label="实时计分">
        <div className="jx-panel-head">
          <Typography.Text strong>实时计分</Typography.Text>
          <span className="jx-muted jx-small">{view.scheme}</span>
        </div>
        <div className="jx-score-main">
          <div>
            <div className="jx-muted jx-small">计算总分</div>
            <div className="jx-big" data-testid="computed-total">{view.computed}</div>
          </div>
          <div>
            <div className="jx-muted jx-small">自评总分</div>
            <div className={`jx-big ${view.differs ? 'jx-diff' : ''}`} data-testid="stated-total">{view.stated ?? '—'}</div>
          </div>
          <div>
            <div className="jx-muted jx-small">等级</div>
            <div className="jx-big">
              <Tag color="blue" data-testid="computed-grade">{view.grade}</Tag>
            </div>
            <div className="jx-muted jx-small">自评：{view.statedGrade || '—'}</div>
          </div>
        </div>
        {/* Two columns of small print: the panel leaves the findings below it room for more than three items at 768 px. */}
        <dl className="jx-score-groups" aria-label="分组得分">
          {view.rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd className="jx-number-text">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    );
  },
  (a, b) => JSON.stringify(a.view) === JSON.stringify(b.view),
);

export function ScorePanel({ kind, input, derived }: { kind: EvaluationKind; input: Record<string, unknown>; derived: Derived | null }) {
  if (!derived) return <section className="jx-score">暂无法计分：请先修正格式错误</section>;
  const base = kind === 'project' ? '' : 'selfEvaluation.';
  const statedTotal = written(getAt(input, `${base}totalScore`));
  const statedGrade = getAt(input, `${base}grade`);
  const view: ScoreView = {
    scheme: derived.scheme.name,
    computed: formatDec(derived.total.computed, 2),
    stated: statedTotal ? formatDec(statedTotal) : null,
    differs: statedTotal ? cmp(statedTotal, derived.total.computed) !== 0 : false,
    grade: derived.grade.name,
    statedGrade: typeof statedGrade === 'string' ? statedGrade : '',
    rows: [
      ...derived.groups.map((g) => [`${g.name}（${formatDec(g.points)}）`, formatDec(g.score, 2)] as const),
      ...(derived.funds.rate ? [['预算执行率', `${formatDec(derived.funds.rate)}%`] as const] : []),
    ],
  };
  return <ScoreViewPanel view={view} />;
}
