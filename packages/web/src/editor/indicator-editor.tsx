/**
 * The indicator tree editor: 一级 → 二级 → 三级 rows with direction, unit, target, actual, points, the
 * unit's score beside the score the scheme's rule gives, the qualitative grade and the deviation
 * explanation. Rows are added from the scheme's catalogue, removed and moved within their group.
 * @module
 */
import { type Derived, type Scheme, normalizeName } from '@jixiao/core';
import { Button, Checkbox, Popconfirm, Popover, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode, memo, useCallback, useMemo, useRef, useState } from 'react';
import { formatDec } from '../lib/format.ts';
import { getAt } from '../lib/paths.ts';
import { Field, type FieldChange, type FieldStatus } from './field.tsx';
import {
  DIRECTION_NAMES, type IndicatorRowInput, QUALITATIVE_GRADE_NAMES, addRow, groupIndicators, level2Options, moveRow, removeRow,
} from './indicator-tree.ts';
import { moveInTable } from './keyboard.ts';
import { type EvaluationKind, indicatorsPath, level1Path } from './sections.ts';

type Props = {
  readonly kind: EvaluationKind;
  readonly input: Record<string, unknown>;
  readonly statuses: ReadonlyMap<string, FieldStatus>;
  readonly onChange: FieldChange;
  readonly derived: Derived | null;
  readonly scheme: Scheme | null;
  readonly focusPath: (path: string) => void;
  /** Evidence (佐证材料) controls for a row, when the evaluation is stored on the server. */
  readonly renderEvidence?: (index: number, name: string) => ReactNode;
};

/** Short labels fit the column; the full name is in each option's title. */
const DIRECTION_OPTIONS = [
  { value: '', label: '自动', title: '自动（按年度指标值的写法判断）' },
  ...Object.entries(DIRECTION_NAMES).map(([value, label]) => ({ value, label: label.replace(/（.*）$/u, ''), title: label })),
];
const GRADE_OPTIONS = [{ value: '', label: '（未选）' }, ...Object.entries(QUALITATIVE_GRADE_NAMES).map(([value, label]) => ({ value, label }))];

/** What the computed-score cell shows for a row (a string, so unchanged rows skip re-rendering). */
function computedText(derived: Derived | null, index: number): string {
  const r = derived?.indicators[index];
  if (!r) return '—';
  return r.indicator.notApplicable ? '不适用' : r.expected ? formatDec(r.expected) : r.rule.kind === 'qualitative' ? '定性' : '—';
}

function ComputedScore({ text, index, explain }: { text: string; index: number; explain: (index: number) => string }) {
  if (text === '—') return <span className="jx-muted">—</span>;
  return (
    <Popover content={() => <div style={{ maxWidth: 360 }}>{explain(index)}</div>} title="计分说明" trigger={['hover', 'focus']}>
      <span tabIndex={0} className="jx-computed" data-testid={`computed-${index}`} aria-label={`第${index + 1}行计算得分 ${text}`}>
        {text}
      </span>
    </Popover>
  );
}

type RowProps = {
  index: number; row: IndicatorRowInput; base: string; statuses: ReadonlyMap<string, FieldStatus>; onChange: FieldChange;
  onMove: (index: number, by: -1 | 1) => void; onRemove: (index: number) => void; computed: string; qualitative: boolean;
  explain: (index: number) => string; renderEvidence?: (index: number, name: string) => ReactNode; first: boolean; last: boolean;
};

const ROW_KEYS = ['name', 'direction', 'unit', 'target', 'actual', 'points', 'score', 'qualitativeGrade', 'deviationExplanation'];

/** Re-render a row only when its own data, computed score or field statuses changed. */
function sameRow(a: RowProps, b: RowProps): boolean {
  if (a.row !== b.row || a.index !== b.index || a.first !== b.first || a.last !== b.last || a.computed !== b.computed || a.qualitative !== b.qualitative) return false;
  if (a.onChange !== b.onChange || a.onMove !== b.onMove || a.onRemove !== b.onRemove || a.renderEvidence !== b.renderEvidence || a.explain !== b.explain) return false;
  return ROW_KEYS.every((k) => a.statuses.get(`${a.base}[${a.index}].${k}`) === b.statuses.get(`${b.base}[${b.index}].${k}`));
}

const Row = memo(function Row({
  index, row, base, statuses, onChange, onMove, onRemove, computed, qualitative: computedQualitative, explain, renderEvidence, first, last,
}: RowProps) {
  const p = (key: string) => `${base}[${index}].${key}`;
  const name = row.name || `第${index + 1}行`;
  const field = (key: string, label: string, kind: 'text' | 'points' | 'textarea', placeholder?: string) => (
    <Field path={p(key)} kind={kind} label={`${name}${label}`} placeholder={placeholder} minRows={1} value={(row as Record<string, unknown>)[key]} status={statuses.get(p(key))} onChange={onChange} row={index} col={key} onKeyDown={moveInTable} />
  );
  const qualitative = row.direction === 'qualitative' || computedQualitative;
  return (
    <>
      <tr className={row.notApplicable ? 'jx-na' : undefined}>
        <td className="jx-index">{index + 1}</td>
        <td>{field('name', '三级指标名称', 'text')}</td>
        <td>
          <Select
            aria-label={`${name}方向`}
            data-path={p('direction')}
            value={row.direction ?? ''}
            options={DIRECTION_OPTIONS}
            onChange={(v: string) => onChange(p('direction'), v === '' ? null : v)}
            style={{ width: '100%' }}
            popupMatchSelectWidth={false}
          />
        </td>
        <td>{field('unit', '计量单位', 'text')}</td>
        <td>{field('target', '年度指标值', 'text')}</td>
        <td>{field('actual', '实际完成值', 'text')}</td>
        <td className="jx-num-cell">{field('points', '分值', 'points')}</td>
        <td className="jx-num-cell">{field('score', '得分', 'points')}</td>
        <td className="jx-num-cell">
          <ComputedScore text={computed} index={index} explain={explain} />
        </td>
        <td style={{ whiteSpace: 'nowrap' }}>
          <Space.Compact size="small">
            <Tooltip title="上移">
              <Button size="small" aria-label={`上移${name}`} disabled={first} onClick={() => onMove(index, -1)}>↑</Button>
            </Tooltip>
            <Tooltip title="下移">
              <Button size="small" aria-label={`下移${name}`} disabled={last} onClick={() => onMove(index, 1)}>↓</Button>
            </Tooltip>
            <Popconfirm title={`删除指标「${name}」？`} okText="删除" cancelText="取消" onConfirm={() => onRemove(index)}>
              <Button size="small" danger aria-label={`删除${name}`}>删</Button>
            </Popconfirm>
          </Space.Compact>
        </td>
      </tr>
      <tr className="jx-detail">
        <td />
        <td colSpan={5}>{field('deviationExplanation', '偏差原因分析及改进措施', 'textarea', '偏差原因分析及改进措施（得分低于分值或超额完成时必填）')}</td>
        <td colSpan={4}>
          <Space size={4} wrap style={{ width: '100%' }}>
            {qualitative && (
              <Select
                size="small"
                aria-label={`${name}定性等级`}
                data-path={p('qualitativeGrade')}
                value={row.qualitativeGrade ?? ''}
                options={GRADE_OPTIONS}
                onChange={(v: string) => onChange(p('qualitativeGrade'), v === '' ? null : v)}
                style={{ width: 120 }}
                status={statuses.get(p('qualitativeGrade'))}
              />
            )}
            <Checkbox checked={row.notApplicable === true} onChange={(e) => onChange(p('notApplicable'), e.target.checked)} aria-label={`${name}不适用`}>
              不适用
            </Checkbox>
            {renderEvidence?.(index, name)}
          </Space>
        </td>
      </tr>
    </>
  );
}, sameRow);

export function IndicatorEditor({ kind, input, statuses, onChange, derived, scheme, focusPath, renderEvidence }: Props) {
  const base = indicatorsPath(kind);
  const headerBase = level1Path(kind);
  const raw = getAt(input, base);
  const rows = useMemo(() => (Array.isArray(raw) ? (raw as IndicatorRowInput[]) : []), [raw]);
  const headersRaw = getAt(input, headerBase);
  const headers = Array.isArray(headersRaw) ? (headersRaw as { name: string; points: unknown }[]) : [];
  const schemeLevel1 = useMemo(
    () => (scheme?.groups ?? []).flatMap((g) => (g.source === 'unitIndicators' ? g.level1 : [])),
    [scheme],
  );
  const tree = useMemo(() => groupIndicators(rows, schemeLevel1), [rows, schemeLevel1]);
  const [adding, setAdding] = useState<Record<string, string | undefined>>({});
  const catalogue = scheme?.catalogue ?? {};

  const latest = useRef({ rows, derived });
  latest.current = { rows, derived };
  const add = (level1: string, level2: string) => {
    const r = addRow(rows, level1, level2);
    onChange(base, r.rows);
    focusPath(`${base}[${r.index}].name`);
  };
  const onMove = useCallback(
    (index: number, by: -1 | 1) => {
      const r = moveRow(latest.current.rows, index, by);
      onChange(base, r.rows);
      focusPath(`${base}[${r.index}].name`);
    },
    [base, focusPath, onChange],
  );
  const onRemove = useCallback((index: number) => onChange(base, removeRow(latest.current.rows, index)), [base, onChange]);
  const explain = useCallback((index: number) => latest.current.derived?.indicators[index]?.explanation ?? '', []);
  const level = (name: string) => derived?.levels.find((l) => l.key === normalizeName(name));

  return (
    <div className="jx-indicators">
      <table className="jx-table jx-indicator-table" aria-label="绩效指标">
        <colgroup>
          <col style={{ width: 36 }} />
          <col />
          <col style={{ width: 84 }} />
          <col style={{ width: 52 }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: 58 }} />
          <col style={{ width: 58 }} />
          <col style={{ width: 58 }} />
          <col style={{ width: 96 }} />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>三级指标</th>
            <th>方向</th>
            <th>单位</th>
            <th>年度指标值</th>
            <th>实际完成值</th>
            <th className="jx-num-head">分值</th>
            <th className="jx-num-head">得分</th>
            <th className="jx-num-head">
              <Tooltip title="按评价方案规则计算的得分（悬停看计算过程）">计算得分</Tooltip>
            </th>
            <th>操作</th>
          </tr>
        </thead>
        {tree.map((group) => {
          const headerIndex = headers.findIndex((h) => normalizeName(h.name) === normalizeName(group.name));
          const sums = level(group.name);
          const options = level2Options(catalogue, group.name, rows).filter((n) => !group.level2.some((l2) => l2.name === n));
          return (
            <tbody key={group.name}>
              <tr className="jx-level1">
                <th colSpan={6} scope="rowgroup">
                  <Space wrap size={8}>
                    <Typography.Text strong>{group.name}</Typography.Text>
                    {sums && (
                      <Tag>
                        分值 {formatDec(sums.points)} · 得分 {formatDec(sums.statedScore)} · 计算 {formatDec(sums.counted)}
                      </Tag>
                    )}
                    <Space.Compact size="small">
                      <Select
                        size="small"
                        aria-label={`在${group.name}下添加二级指标`}
                        placeholder="添加二级指标"
                        value={adding[group.name]}
                        options={options.map((o) => ({ value: o, label: o }))}
                        onChange={(v: string) => setAdding({ ...adding, [group.name]: v })}
                        style={{ width: 150 }}
                        popupMatchSelectWidth={false}
                        notFoundContent="方案目录已全部添加"
                      />
                      <Button
                        size="small"
                        disabled={!adding[group.name]}
                        onClick={() => {
                          const l2 = adding[group.name];
                          if (l2) add(group.name, l2);
                          setAdding({ ...adding, [group.name]: undefined });
                        }}
                      >
                        添加
                      </Button>
                    </Space.Compact>
                  </Space>
                </th>
                <td colSpan={2} className="jx-num-cell">
                  {headerIndex >= 0 ? (
                    <Field
                      path={`${headerBase}[${headerIndex}].points`}
                      kind="points"
                      label={`${group.name}分值`}
                      value={headers[headerIndex]?.points}
                      status={statuses.get(`${headerBase}[${headerIndex}].points`)}
                      onChange={onChange}
                      placeholder="一级分值"
                    />
                  ) : (
                    <Button size="small" type="link" onClick={() => onChange(headerBase, [...headers, { name: group.name, points: null }])}>
                      填写一级分值
                    </Button>
                  )}
                </td>
                <td colSpan={2} className="jx-muted jx-small">一级分值</td>
              </tr>
              {group.level2.length === 0 && (
                <tr>
                  <td colSpan={10} className="jx-empty">「{group.name}」下还没有指标：从右上方选择二级指标添加</td>
                </tr>
              )}
              {group.level2.map((l2) => (
                <LevelTwo key={l2.name} name={l2.name} count={l2.indexes.length} onAdd={() => add(group.name, l2.name)}>
                  {l2.indexes.map((index, k) => (
                    <Row
                      key={index}
                      index={index}
                      row={rows[index] as IndicatorRowInput}
                      base={base}
                      statuses={statuses}
                      onChange={onChange}
                      onMove={onMove}
                      onRemove={onRemove}
                      computed={computedText(derived, index)}
                      qualitative={derived?.indicators[index]?.direction === 'qualitative'}
                      explain={explain}
                      renderEvidence={renderEvidence}
                      first={k === 0}
                      last={k === l2.indexes.length - 1}
                    />
                  ))}
                </LevelTwo>
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

function LevelTwo({ name, count, onAdd, children }: { name: string; count: number; onAdd: () => void; children: ReactNode }) {
  return (
    <>
      <tr className="jx-level2">
        <td />
        <th colSpan={8} scope="rowgroup">
          {name || '（未填二级指标）'} <span className="jx-muted">（{count} 项）</span>
        </th>
        <td>
          <Button size="small" type="dashed" onClick={onAdd} aria-label={`在${name}下添加三级指标`}>
            ＋指标
          </Button>
        </td>
      </tr>
      {children}
    </>
  );
}
