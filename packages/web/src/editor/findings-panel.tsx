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

/** Stable keys (check@path, numbered when repeated): a new finding does not remount the ones below it. */
function withKeys(findings: readonly Finding[]): [string, Finding][] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `${f.check}@${f.location.path}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return [n === 0 ? base : `${base}#${n}`, f];
  });
}

/** One finding; unchanged findings do not re-render while one types. */
const FindingItem = memo(function FindingItem({
  kind, check, path, severity, category, message, onJump,
}: {
  kind: EvaluationKind; check: string; path: string; severity: Finding['severity']; category: Finding['category']; message: string; onJump: (f: Finding | string) => void;
}) {
  return (
    <li>
      <button type="button" className={`jx-finding jx-${severity}`} onClick={() => onJump(path)} data-check={check} data-target={path} title={message}>
        <span className="jx-finding-head">
          <Tag color={COLORS[severity]}>{SEVERITY_NAMES[severity]}</Tag>
          <span className="jx-muted">{CATEGORY_NAMES[category]} · {labelOfPath(kind, path)}</span>
        </span>
        <span className="jx-finding-message">{message}</span>
      </button>
    </li>
  );
});

export const FindingsPanel = memo(function FindingsPanel({
  kind, findings, counts, recheckMs, onJump,
}: {
  kind: EvaluationKind;
  findings: readonly Finding[];
  counts: { error: number; warning: number; info: number };
  recheckMs: number;
  onJump: (f: Finding | string) => void;
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
          {withKeys(shown).map(([key, f]) => (
            <FindingItem
              key={key}
              kind={kind}
              check={f.check}
              path={f.location.path}
              severity={f.severity}
              category={f.category}
              message={f.message}
              onJump={onJump}
            />
          ))}
        </ol>
      )}
      <div className="jx-muted jx-small">每次修改后重新计算，用时 {recheckMs.toFixed(1)} 毫秒</div>
    </section>
  );
});
