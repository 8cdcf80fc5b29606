/**
 * One 抽查复核: how it was drawn (the seed, to draw the same again), the drawn evaluations with their
 * reviewer (assigned here), the 复核得分, the result and the opinion, saved row by row; and the unit's own
 * total, the computed total and the reviewed score compared side by side, differences highlighted.
 * @module
 */
import { Button, Card, Descriptions, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  assignSpotCheckItem, getSpotCheck, methodName, recordSpotCheckItem, SPOT_CHECK_RESULTS, type SpotCheck, type SpotCheckItem, type SpotCheckResultValue,
} from '../api/spot-checks.ts';
import { KIND_NAMES, type EvaluationKind, type Status } from '../api/types.ts';
import { Chart, COLORS, groupedBarOption } from '../components/dashboard-charts.tsx';
import { ErrorState, LoadingState } from '../components/states.tsx';
import { StatusTag } from '../components/status-tag.tsx';
import { formatDateTime } from '../lib/dates.ts';
import { showError, showSuccess } from '../lib/notify.tsx';
import { useAsync } from '../lib/use-async.ts';
import { Link, useLeaveGuard, useParams } from '../routing/router.tsx';

type Draft = { reviewedScore: string; result: SpotCheckResultValue | null; opinion: string };

const draftOf = (item: SpotCheckItem): Draft => ({
  reviewedScore: item.reviewedScore ?? '',
  result: (item.result as SpotCheckResultValue | null) ?? null,
  opinion: item.opinion ?? '',
});

/** "85.50" and "85.5" are the same score (the server stores two decimals). */
const scoreText = (s: string) => s.trim().replace(/(\.\d*?)0+$/u, '$1').replace(/\.$/u, '');
const sameDraft = (a: Draft, b: Draft) => scoreText(a.reviewedScore) === scoreText(b.reviewedScore) && a.result === b.result && a.opinion.trim() === b.opinion.trim();

const nameOf = (item: SpotCheckItem) => `${item.unitName}${item.projectName ? `「${item.projectName}」` : ''}`;

/** A signed difference ("+2.50", "-1", "0.00"): red when not zero. */
function Difference({ value, label }: { value: string | null; label: string }) {
  if (value === null) return null;
  const isZero = /^[+-]?0*(\.0*)?$/u.test(value);
  return (
    <div className="jx-small" data-testid={`diff-${label}`}>
      <span className="jx-muted">{label} </span>
      <Typography.Text type={isZero ? 'success' : 'danger'} strong={!isZero} className="jx-number-text">{value}</Typography.Text>
    </div>
  );
}

function Comparison({ items }: { items: readonly SpotCheckItem[] }) {
  const option = useMemo(() => {
    const num = (v: string | null) => (v === null || !/^-?\d+(\.\d+)?$/u.test(v.trim()) ? null : Number(v));
    return groupedBarOption(items.map(nameOf), [
      { name: '自评得分', values: items.map((i) => num(i.selfScore)), color: COLORS.muted, labelled: false },
      { name: '计算得分', values: items.map((i) => num(i.computedScore)), color: COLORS.primary, labelled: false },
      { name: '复核得分', values: items.map((i) => num(i.reviewedScore)), color: COLORS.warn },
    ]);
  }, [items]);
  const differing = items.filter((i) => i.differences.reviewedMinusComputed !== null && !/^[+-]?0*(\.0*)?$/u.test(i.differences.reviewedMinusComputed));
  return (
    <Card size="small" title="得分比较（自评 · 计算 · 复核）" style={{ marginBottom: 16 }}
      extra={<span className="jx-muted jx-small">{differing.length > 0 ? `${differing.length} 份复核得分与计算得分不同` : '复核得分与计算得分没有差异'}</span>}>
      <Chart option={option} label="得分比较" height={240} />
    </Card>
  );
}

function ItemsTable({ spot, onChanged }: { spot: SpotCheck; onChanged: () => void }) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<string | null>(null);
  const original = useMemo(() => Object.fromEntries(spot.items.map((i) => [i.evaluationId, draftOf(i)])), [spot]);
  const previous = useRef<Record<string, Draft>>({});
  // A reload (after an assignment or a save) refreshes the rows the reviewer has not touched; edits in progress stay.
  useEffect(() => {
    const before = previous.current;
    previous.current = original;
    setDrafts((d) => Object.fromEntries(Object.entries(original).map(([id, o]) => {
      const mine = d[id];
      const was = before[id];
      return [id, mine && was && !sameDraft(mine, was) ? mine : o];
    })));
  }, [original]);
  const unsaved = spot.items.filter((i) => drafts[i.evaluationId] && original[i.evaluationId] && !sameDraft(drafts[i.evaluationId] as Draft, original[i.evaluationId] as Draft));
  useLeaveGuard(() => (unsaved.length > 0 ? `有 ${unsaved.length} 份自评的复核结果尚未保存，确定离开吗？` : null));
  const edit = (id: string, patch: Partial<Draft>) => setDrafts((d) => ({ ...d, [id]: { ...(d[id] ?? { reviewedScore: '', result: null, opinion: '' }), ...patch } }));

  const assign = async (item: SpotCheckItem, assigneeId: string | null) => {
    setAssigning(item.evaluationId);
    try {
      await assignSpotCheckItem(spot.id, item.evaluationId, assigneeId);
      showSuccess(assigneeId ? `已分配：${nameOf(item)}` : `已取消分配：${nameOf(item)}`);
      onChanged();
    } catch (e) {
      showError(e, '分配失败');
    } finally {
      setAssigning(null);
    }
  };
  const save = async (item: SpotCheckItem) => {
    const draft = drafts[item.evaluationId];
    if (!draft?.result) return showError(new Error('请选择复核结论'), '不能保存');
    if (!draft.opinion.trim()) return showError(new Error('请填写复核意见'), '不能保存');
    setSaving(item.evaluationId);
    try {
      await recordSpotCheckItem(spot.id, item.evaluationId, { result: draft.result, opinion: draft.opinion.trim(), reviewedScore: draft.reviewedScore.trim() || null });
      showSuccess(`已保存：${nameOf(item)}`);
      onChanged();
    } catch (e) {
      showError(e, '保存失败');
    } finally {
      setSaving(null);
    }
  };
  const reviewerOptions = spot.reviewers.map((r) => ({ value: r.id, label: r.displayName }));
  return (
    <Table<SpotCheckItem>
      rowKey="evaluationId"
      aria-label="抽查清单"
      size="small"
      pagination={spot.items.length > 20 ? { pageSize: 20 } : false}
      dataSource={spot.items}
      scroll={{ x: 1180 }}
      columns={[
        {
          title: '单位（项目）', key: 'unit', render: (_, r) => (
            <div>
              <Link to={`/review/${r.evaluationId}`}>{r.unitName}</Link>
              <div className="jx-small jx-muted">{KIND_NAMES[r.kind as EvaluationKind] ?? r.kind}{r.projectName ? `「${r.projectName}」` : ''}</div>
              {r.drawReason && <div className="jx-small" aria-label={`抽取理由：${nameOf(r)}`}>抽取理由：{r.drawReason}</div>}
            </div>
          ),
        },
        { title: '状态', dataIndex: 'status', width: 80, render: (s: Status) => <StatusTag status={s} /> },
        { title: '自评得分', dataIndex: 'selfScore', width: 76, align: 'right', render: (v: string | null) => v ?? '—' },
        { title: '计算得分', dataIndex: 'computedScore', width: 76, align: 'right', render: (v: string | null, r) => <span title={r.computedGrade ?? ''}>{v ?? '—'}</span> },
        {
          title: '复核得分', key: 'reviewedScore', width: 96, render: (_, r) => (
            <Input aria-label={`复核得分：${nameOf(r)}`} className="jx-number" inputMode="decimal" maxLength={8} placeholder="0–100"
              value={drafts[r.evaluationId]?.reviewedScore ?? ''} onChange={(e) => edit(r.evaluationId, { reviewedScore: e.target.value })} />
          ),
        },
        {
          title: '差异', key: 'diff', width: 118, render: (_, r) => (
            <>
              <Difference label="自评−计算" value={r.differences.selfMinusComputed} />
              <Difference label="复核−计算" value={r.differences.reviewedMinusComputed} />
              <Difference label="复核−自评" value={r.differences.reviewedMinusSelf} />
            </>
          ),
        },
        {
          title: '复核人', key: 'assignee', width: 130, render: (_, r) => (
            <Select aria-label={`复核人：${nameOf(r)}`} allowClear placeholder="分配" style={{ width: '100%' }} options={reviewerOptions}
              value={r.assignee?.id ?? null} loading={assigning === r.evaluationId} onChange={(v: string | undefined) => void assign(r, v ?? null)} />
          ),
        },
        {
          title: '结论', key: 'result', width: 112, render: (_, r) => (
            <Select aria-label={`复核结论：${nameOf(r)}`} placeholder="选择" style={{ width: '100%' }} options={SPOT_CHECK_RESULTS.map((o) => ({ ...o }))}
              value={drafts[r.evaluationId]?.result ?? null} onChange={(v: SpotCheckResultValue) => edit(r.evaluationId, { result: v })} />
          ),
        },
        {
          title: '复核意见', key: 'opinion', width: 220, render: (_, r) => (
            <Input.TextArea aria-label={`复核意见：${nameOf(r)}`} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={5000}
              value={drafts[r.evaluationId]?.opinion ?? ''} onChange={(e) => edit(r.evaluationId, { opinion: e.target.value })} />
          ),
        },
        {
          title: '', key: 'save', width: 124, render: (_, r) => {
            const changed = unsaved.includes(r);
            return (
              <div>
                <Button size="small" type={changed ? 'primary' : 'default'} disabled={!changed} loading={saving === r.evaluationId}
                  aria-label={`保存：${nameOf(r)}`} onClick={() => void save(r)}>保存</Button>
                {r.checkedAt && <div className="jx-small jx-muted" title={formatDateTime(r.checkedAt)}>{r.checkedBy?.displayName ?? ''} 已复核</div>}
              </div>
            );
          },
        },
      ]}
    />
  );
}

export function SpotCheckPage() {
  const { id = '' } = useParams();
  const data = useAsync(() => getSpotCheck(id), [id]);
  const spot = data.data;
  if (data.error) return <div className="jx-page"><ErrorState error={data.error} onRetry={data.reload} what="抽查" /></div>;
  if (!spot) return <LoadingState what="抽查" />;
  return (
    <div className="jx-page">
      <div className="jx-page-head">
        <h1>抽查复核：{spot.year}年度 · {methodName(spot.method)}</h1>
        <Space>
          <Tag color={spot.recorded === spot.items.length ? 'success' : 'processing'}>已复核 {spot.recorded} / {spot.items.length}</Tag>
          <Link to="/spot-checks">返回抽查列表</Link>
        </Space>
      </div>
      <Descriptions size="small" bordered column={3} style={{ marginBottom: 16, background: '#fff' }} items={[
        { key: 'method', label: '抽取方式', children: methodName(spot.method) },
        {
          key: 'seed', label: '随机种子', children: spot.seed
            ? <Space size={4}><Typography.Text code copyable={{ text: spot.seed, tooltips: ['复制种子', '已复制'] }} data-testid="seed">{spot.seed}</Typography.Text><span className="jx-muted jx-small">同一年度用此种子再次抽取，结果相同</span></Space>
            : '—',
        },
        { key: 'at', label: '抽取时间', children: formatDateTime(spot.createdAt) },
        ...(spot.note ? [{ key: 'note', label: '说明', span: 3, children: spot.note }] : []),
      ]} />
      <Comparison items={spot.items} />
      <Card size="small" title={`抽查清单（${spot.items.length} 份）`}>
        <ItemsTable spot={spot} onChanged={data.reload} />
      </Card>
    </div>
  );
}
