/**
 * 版本历史: every saved version, and a readable diff of any two (field by field, in Chinese).
 * @module
 */
import { Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { getEvaluation, getVersion, listVersions } from '../api/endpoints.ts';
import type { VersionMeta } from '../api/types.ts';
import { EmptyState, ErrorState, LoadingState } from '../components/states.tsx';
import { type Change, diffEvaluations } from '../editor/diff.ts';
import { formatDateTime } from '../lib/dates.ts';
import { showError } from '../lib/notify.tsx';
import { useAsync } from '../lib/use-async.ts';
import { Link, useParams } from '../routing/router.tsx';

const CHANGE_NAMES = { added: '新增', removed: '删除', changed: '修改' } as const;

export function HistoryPage() {
  const { id = '' } = useParams();
  const loaded = useAsync(async () => ({ record: await getEvaluation(id), versions: (await listVersions(id)).items }), [id]);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [changes, setChanges] = useState<Change[] | null>(null);
  const versions = loaded.data?.versions ?? [];

  useEffect(() => {
    if (versions.length === 0) return;
    const sorted = [...versions].sort((a, b) => b.number - a.number);
    setTo((v) => v ?? sorted[0]?.number ?? null);
    setFrom((v) => v ?? sorted[1]?.number ?? sorted[0]?.number ?? null);
  }, [versions]);

  useEffect(() => {
    if (from === null || to === null || !loaded.data) return;
    let live = true;
    setChanges(null);
    Promise.all([getVersion(id, from), getVersion(id, to)])
      .then(([a, b]) => { if (live) setChanges(diffEvaluations(loaded.data?.record.kind ?? 'department', a.document, b.document)); })
      .catch((e: unknown) => showError(e, '读取版本失败'));
    return () => { live = false; };
  }, [from, id, loaded.data, to]);

  if (loaded.loading && !loaded.data) return <LoadingState what="版本历史" />;
  if (loaded.error || !loaded.data) return <ErrorState error={loaded.error} onRetry={loaded.reload} what="版本历史" />;
  const options = versions.map((v) => ({ value: v.number, label: `第 ${v.number} 版（${formatDateTime(v.createdAt)}）` }));
  return (
    <div className="jx-page">
      <div className="jx-page-head">
        <Space>
          <Link to={`/evaluations/${id}`}>← 返回自评</Link>
          <h1>版本历史 · {loaded.data.record.unitName} {loaded.data.record.year}年度{loaded.data.record.kindName}</h1>
        </Space>
      </div>
      <Table<VersionMeta>
        size="small"
        rowKey="number"
        dataSource={[...versions].sort((a, b) => b.number - a.number)}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState description="还没有保存过的版本" /> }}
        columns={[
          { title: '版本', dataIndex: 'number', width: 70, align: 'right' },
          { title: '时间', dataIndex: 'createdAt', width: 180, render: (v: string) => formatDateTime(v) },
          { title: '修改人', width: 140, render: (_, v) => v.createdBy.displayName },
          { title: '计算得分', dataIndex: 'computedTotal', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
          { title: '错误 / 警告', width: 100, align: 'right', render: (_, v) => `${v.errorCount} / ${v.warningCount}` },
          { title: '说明', dataIndex: 'note', render: (v: string | null) => v ?? '' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>比较两个版本</Typography.Title>
      <Space style={{ marginBottom: 8 }}>
        <Select aria-label="较早的版本" style={{ width: 280 }} value={from} options={options} onChange={setFrom} />
        <span>→</span>
        <Select aria-label="较新的版本" style={{ width: 280 }} value={to} options={options} onChange={setTo} />
      </Space>
      {changes === null ? (
        <LoadingState what="差异" />
      ) : (
        <Table<Change>
          size="small"
          rowKey="path"
          dataSource={changes}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyState description="两个版本内容相同" /> }}
          columns={[
            { title: '字段', dataIndex: 'label' },
            { title: '变化', dataIndex: 'change', width: 70, render: (c: Change['change']) => CHANGE_NAMES[c] },
            { title: '原值', dataIndex: 'before', render: (v: string) => <span className="jx-diff-before">{v}</span> },
            { title: '新值', dataIndex: 'after', render: (v: string) => <span className="jx-diff-after">{v}</span> },
          ]}
        />
      )}
    </div>
  );
}
