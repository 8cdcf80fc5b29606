/**
 * 审核收件箱 (财政局): the region's evaluations, submitted ones first, with filters by status, grade,
 * findings and unit; several submissions approved or returned at once (one opinion for all; an approval
 * records each one's computed total as its review score, as the dialog says).
 * @module
 */
import { Alert, Button, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { approveEvaluation, listEvaluations, returnEvaluation } from '../api/endpoints.ts';
import { type EvaluationListItem, KIND_NAMES, STATUS_NAMES, type EvaluationKind, type Status } from '../api/types.ts';
import { EmptyState, ErrorState } from '../components/states.tsx';
import { StatusTag } from '../components/status-tag.tsx';
import { formatDateTime } from '../lib/dates.ts';
import { showError, showSuccess } from '../lib/notify.tsx';
import { useAsync } from '../lib/use-async.ts';
import { Link } from '../routing/router.tsx';

type Findings = 'errors' | 'clean';
type BatchAction = 'approve' | 'return';

const ACTION_NAMES: Record<BatchAction, string> = { approve: '通过', return: '退回' };

/** One opinion for several submissions; each is sent on its own, and what failed is named. */
function BatchDialog({ action, rows, onClose, onDone }: { action: BatchAction | null; rows: readonly EvaluationListItem[]; onClose: () => void; onDone: () => void }) {
  const [opinion, setOpinion] = useState('');
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<string[]>([]);
  const name = action ? ACTION_NAMES[action] : '';
  const run = async () => {
    if (!action) return;
    const text = opinion.trim();
    if (action === 'return' && !text) {
      showError(new Error('请填写退回理由：单位会在自评上看到'));
      return;
    }
    setBusy(true);
    const failed: string[] = [];
    let done = 0;
    for (const row of rows) {
      try {
        if (action === 'return') await returnEvaluation(row.id, text);
        else await approveEvaluation(row.id, row.computedTotal ?? '', text || '经审核，同意。');
        done++;
      } catch (e) {
        failed.push(`${row.unitName}${row.year}年度：${e instanceof Error ? e.message : '失败'}`);
      }
    }
    setBusy(false);
    setFailures(failed);
    if (done > 0) showSuccess(`已${name} ${done} 份自评`);
    if (failed.length === 0) {
      setOpinion('');
      onClose();
    }
    onDone();
  };
  return (
    <Modal
      title={`批量${name}`}
      open={action !== null}
      onCancel={() => { setFailures([]); onClose(); }}
      onOk={() => void run()}
      okText={`${name} ${rows.length} 份`}
      cancelText="取消"
      okButtonProps={{ danger: action === 'return', disabled: rows.length === 0 }}
      confirmLoading={busy}
      destroyOnHidden
    >
      <ul className="jx-batch-list" data-testid="batch-rows">
        {rows.map((r) => (
          <li key={r.id}>
            {r.unitName} · {r.year}年度{KIND_NAMES[r.kind]}
            {action === 'approve' && `：复核得分记为计算得分 ${r.computedTotal ?? '—'}`}
          </li>
        ))}
      </ul>
      {action === 'approve' && (
        <Typography.Paragraph type="secondary">逐项填过复核得分的，请在审核页逐份通过（批量通过按计算得分记录复核得分）。</Typography.Paragraph>
      )}
      <Input.TextArea
        aria-label={action === 'return' ? '退回理由' : '审核意见'}
        placeholder={action === 'return' ? '退回理由（必填，单位在自评上可见）' : '审核意见（不填时为“经审核，同意。”）'}
        autoSize={{ minRows: 3, maxRows: 6 }}
        maxLength={5000}
        value={opinion}
        onChange={(e) => setOpinion(e.target.value)}
      />
      {failures.length > 0 && (
        <Alert type="error" showIcon style={{ marginTop: 8 }} title={`${failures.length} 份未能${name}`} description={<ul className="jx-batch-list">{failures.map((f) => <li key={f}>{f}</li>)}</ul>} />
      )}
    </Modal>
  );
}

export function InboxPage() {
  const [status, setStatus] = useState<Status | null>('submitted');
  const [kind, setKind] = useState<EvaluationKind | null>(null);
  const [grade, setGrade] = useState<string | null>(null);
  const [findings, setFindings] = useState<Findings | null>(null);
  const [unit, setUnit] = useState('');
  const [year, setYear] = useState<number | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [batch, setBatch] = useState<BatchAction | null>(null);
  const list = useAsync(() => listEvaluations({ status, kind, year }), [status, kind, year]);
  const thisYear = new Date().getFullYear();
  const years = [...new Set([...(list.data?.items ?? []).map((x) => x.year), thisYear - 1, thisYear - 2, thisYear - 3])].sort((a, b) => b - a);
  const all = list.data?.items ?? [];
  const grades = [...new Set(all.map((x) => x.computedGrade).filter((g): g is string => !!g))];
  const items = useMemo(
    () =>
      all.filter(
        (x) =>
          (!grade || x.computedGrade === grade) &&
          (!findings || (findings === 'errors' ? x.errorCount > 0 : x.errorCount === 0)) &&
          (!unit.trim() || x.unitName.includes(unit.trim())),
      ),
    [all, findings, grade, unit],
  );
  return (
    <div className="jx-page">
      <div className="jx-page-head">
        <h1>审核收件箱</h1>
        <Space wrap>
          <Select aria-label="按年度筛选" allowClear placeholder="全部年度" style={{ width: 120 }} value={year} onChange={(v) => setYear(v ?? null)} options={years.map((y) => ({ value: y, label: `${y}年度` }))} />
          <Select aria-label="按状态筛选" allowClear placeholder="全部状态" style={{ width: 120 }} value={status} onChange={(v) => setStatus(v ?? null)} options={Object.entries(STATUS_NAMES).map(([value, label]) => ({ value, label }))} />
          <Select aria-label="按类型筛选" allowClear placeholder="全部类型" style={{ width: 130 }} value={kind} onChange={(v) => setKind(v ?? null)} options={Object.entries(KIND_NAMES).map(([value, label]) => ({ value, label }))} />
          <Select aria-label="按等级筛选" allowClear placeholder="全部等级" style={{ width: 110 }} value={grade} onChange={(v) => setGrade(v ?? null)} options={grades.map((g) => ({ value: g, label: g }))} notFoundContent="暂无" />
          <Select aria-label="按问题筛选" allowClear placeholder="有无错误" style={{ width: 120 }} value={findings} onChange={(v) => setFindings(v ?? null)} options={[{ value: 'errors', label: '有错误' }, { value: 'clean', label: '无错误' }]} />
          <Input aria-label="按单位筛选" placeholder="单位名称" allowClear style={{ width: 180 }} value={unit} onChange={(e) => setUnit(e.target.value)} />
        </Space>
      </div>
      <Space className="jx-batch-bar" wrap>
        <Typography.Text type="secondary">{selected.length > 0 ? `已选 ${selected.length} 份已提交的自评` : '勾选已提交的自评，可批量通过或退回'}</Typography.Text>
        <Button type="primary" disabled={selected.length === 0} onClick={() => setBatch('approve')}>批量通过</Button>
        <Button danger disabled={selected.length === 0} onClick={() => setBatch('return')}>批量退回</Button>
      </Space>
      <BatchDialog
        action={batch}
        rows={all.filter((x) => selected.includes(x.id))}
        onClose={() => setBatch(null)}
        onDone={() => { setSelected([]); list.reload(); }}
      />
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} what="收件箱" />
      ) : (
        <Table<EvaluationListItem>
          rowKey="id"
          loading={list.loading}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys.map(String)),
            getCheckboxProps: (r) => ({ disabled: r.status !== 'submitted', 'aria-label': `选择${r.unitName}${r.year}年度` }),
          }}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyState description={all.length === 0 ? '没有待处理的自评' : '没有符合条件的自评'} /> }}
          columns={[
            { title: '单位', dataIndex: 'unitName', render: (u: string, r) => <Link to={`/review/${r.id}`}>{u}</Link> },
            { title: '年度', dataIndex: 'year', width: 100, render: (y: number) => `${y}年度` },
            { title: '类型', dataIndex: 'kind', width: 150, render: (k: EvaluationKind, r) => `${KIND_NAMES[k]}${r.projectName ? `「${r.projectName}」` : ''}` },
            { title: '状态', dataIndex: 'status', width: 90, render: (s: Status) => <StatusTag status={s} /> },
            { title: '自评得分', dataIndex: 'statedTotal', width: 90, align: 'right', render: (v: string | null | undefined) => v ?? '—' },
            { title: '计算得分', dataIndex: 'computedTotal', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
            { title: '等级', dataIndex: 'computedGrade', width: 70, render: (v: string | null) => v ?? '—' },
            { title: '复核得分', dataIndex: 'reviewScore', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
            { title: '错误', dataIndex: 'errorCount', width: 70, align: 'right', render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{n}</Typography.Text> },
            { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v) },
          ]}
        />
      )}
    </div>
  );
}
