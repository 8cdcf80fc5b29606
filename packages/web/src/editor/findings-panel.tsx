/**
 * The findings of the live recheck, errors first; each one a link to its field.
 * @module
 */
import { CATEGORY_NAMES, type Finding, SEVERITY_NAMES } from '@jixiao/core';
import { Badge, Empty, Segmented, Tag, Typography } from 'antd';
import { memo, useLayoutEffect, useMemo, useState } from 'react';
import { markCommitted } from '../lib/perf.ts';
import { type EvaluationKind, labelOfPath } from './sections.ts';

type Filter = 'all' | 'error' | 'warning' | 'info';

const COLORS = { error: 'red', warning: 'orange', info: 'blue' } as const;

export const FindingsPanel = memo(function FindingsPanel({
  kind, findings, counts, recheckMs, onJump,
}: {
  kind: EvaluationKind;
  findings: readonly Finding[];
  counts: { error: number; warning: number; info: number };
  recheckMs: number;
  onJump: (f: Finding) => void;
}) {
  const [filter, setFilter] = useState<Filter>('all');
  const shown = useMemo(() => {
    const order = { error: 0, warning: 1, info: 2 };
    const list = filter === 'all' ? [...findings] : findings.filter((f) => f.severity === filter);
    return list.sort((a, b) => order[a.severity] - order[b.severity]);
  }, [filter, findings]);
  useLayoutEffect(() => {
    markCommitted(recheckMs);
  }, [findings, recheckMs]);
  return (
    <section className="jx-findings" aria-label="发现的问题">
      <div className="jx-panel-head">
        <Typography.Text strong>发现的问题</Typography.Text>
        <span data-testid="finding-counts" aria-live="polite">
          <Badge color="red" text={`错误 ${counts.error}`} /> <Badge color="orange" text={`警告 ${counts.warning}`} />{' '}
          <Badge color="blue" text={`提示 ${counts.info}`} />
        </span>
      </div>
      <Segmented
        size="small"
        block
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        options={[
          { value: 'all', label: `全部 ${findings.length}` },
          { value: 'error', label: `错误 ${counts.error}` },
          { value: 'warning', label: `警告 ${counts.warning}` },
          { value: 'info', label: `提示 ${counts.info}` },
        ]}
      />
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={findings.length === 0 ? '没有发现问题' : '此类没有问题'} />
      ) : (
        <ol className="jx-finding-list">
          {shown.map((f, i) => (
            <li key={`${f.check}-${f.location.path}-${i}`}>
              <button type="button" className={`jx-finding jx-${f.severity}`} onClick={() => onJump(f)} data-check={f.check} data-path={undefined} data-target={f.location.path}>
                <span className="jx-finding-head">
                  <Tag color={COLORS[f.severity]}>{SEVERITY_NAMES[f.severity]}</Tag>
                  <span className="jx-muted">{CATEGORY_NAMES[f.category]} · {labelOfPath(kind, f.location.path)}</span>
                </span>
                <span className="jx-finding-message">{f.message}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="jx-muted jx-small">每次修改后重新计算，用时 {recheckMs.toFixed(1)} 毫秒</div>
    </section>
  );
});
