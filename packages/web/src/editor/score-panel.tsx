/**
 * Live scoring: the total and grade the engine computes under the scheme beside what the unit wrote.
 * @module
 */
import { type Dec, type Derived, cmp, parseDec } from '@jixiao/core';
import { Descriptions, Tag, Typography } from 'antd';
import { memo } from 'react';
import { formatDec } from '../lib/format.ts';
import { getAt } from '../lib/paths.ts';
import type { EvaluationKind } from './sections.ts';

const written = (v: unknown): Dec | null => (typeof v === 'number' || typeof v === 'string' ? parseDec(String(v)) : null);

export const ScorePanel = memo(function ScorePanel({ kind, input, derived }: { kind: EvaluationKind; input: Record<string, unknown>; derived: Derived | null }) {
  if (!derived) return <section className="jx-score">暂无法计分：请先修正格式错误</section>;
  const base = kind === 'project' ? '' : 'selfEvaluation.';
  const statedTotal = written(getAt(input, `${base}totalScore`));
  const statedGrade = getAt(input, `${base}grade`);
  const same = statedTotal ? cmp(statedTotal, derived.total.computed) === 0 : false;
  return (
    <section className="jx-score" aria-label="实时计分">
      <div className="jx-panel-head">
        <Typography.Text strong>实时计分</Typography.Text>
        <span className="jx-muted jx-small">{derived.scheme.name}</span>
      </div>
      <div className="jx-score-main">
        <div>
          <div className="jx-muted jx-small">计算总分</div>
          <div className="jx-big" data-testid="computed-total">{formatDec(derived.total.computed, 2)}</div>
        </div>
        <div>
          <div className="jx-muted jx-small">自评总分</div>
          <div className={`jx-big ${statedTotal && !same ? 'jx-diff' : ''}`} data-testid="stated-total">
            {statedTotal ? formatDec(statedTotal) : '—'}
          </div>
        </div>
        <div>
          <div className="jx-muted jx-small">等级</div>
          <div className="jx-big">
            <Tag color="blue" data-testid="computed-grade">{derived.grade.name}</Tag>
          </div>
          <div className="jx-muted jx-small">自评：{typeof statedGrade === 'string' && statedGrade ? statedGrade : '—'}</div>
        </div>
      </div>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          ...derived.groups.map((g) => ({
            key: g.name,
            label: `${g.name}（${formatDec(g.points)}）`,
            children: <span className="jx-number-text">{formatDec(g.score, 2)}</span>,
          })),
          ...(derived.funds.rate
            ? [{ key: 'rate', label: '预算执行率', children: <span className="jx-number-text">{formatDec(derived.funds.rate)}%</span> }]
            : []),
        ]}
      />
    </section>
  );
});
