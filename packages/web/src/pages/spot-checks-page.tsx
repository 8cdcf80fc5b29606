/**
 * 抽查复核 (财政局): the region's spot checks, newest first, and a new draw — at random (a number and an
 * optional seed; the seed is recorded and shown, so the same draw can be made again) or by risk (most
 * findings, largest gap between the unit's own total and the computed one, low execution with a high
 * score).
 * @module
 */
import { Button, Form, Input, InputNumber, Modal, Segmented, Select, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { getDashboard } from '../api/dashboard.ts';
import { createRandomSpotCheck, createRiskSpotCheck, listSpotChecks, methodName, RISK_OPTIONS, type RiskCriterion, type SpotCheckListItem } from '../api/spot-checks.ts';
import { EmptyState, ErrorState } from '../components/states.tsx';
import { formatDateTime } from '../lib/dates.ts';
import { showError, showSuccess } from '../lib/notify.tsx';
import { useAsync } from '../lib/use-async.ts';
import { Link, navigate } from '../routing/router.tsx';

type Way = 'random' | 'risk';
type NewValues = { year: number; count: number; seed?: string; criterion: RiskCriterion; note?: string };

function NewSpotCheckDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<NewValues>();
  const [way, setWay] = useState<Way>('random');
  const [busy, setBusy] = useState(false);
  const years = useAsync(() => (open ? getDashboard({ pageSize: 1 }).then((d) => d.availableYears) : Promise.resolve([])), [open]);
  const yearOptions = (years.data ?? []).map((y) => ({ value: y.year, label: `${y.year}年度（共 ${y.evaluations} 份自评）` }));
  const latest = years.data?.[0]?.year;
  useEffect(() => {
    if (open && latest !== undefined && form.getFieldValue('year') === undefined) form.setFieldValue('year', latest);
  }, [form, latest, open]);
  const create = async () => {
    let values: NewValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form marks each field in Chinese
    }
    setBusy(true);
    try {
      const note = values.note?.trim() || undefined;
      if (way === 'random') {
        const created = await createRandomSpotCheck({ year: values.year, count: values.count, seed: values.seed?.trim() || undefined, note });
        showSuccess(`已从 ${created.candidates} 份中随机抽取 ${created.evaluationIds.length} 份（种子 ${created.seed ?? '—'}）`);
        onClose();
        await navigate(`/spot-checks/${created.id}`);
      } else {
        const created = await createRiskSpotCheck({ year: values.year, count: values.count, criterion: values.criterion, note });
        showSuccess(`已按风险（${created.criterionName}）从 ${created.candidates} 份中抽取 ${created.evaluationIds.length} 份`);
        onClose();
        await navigate(`/spot-checks/${created.id}`);
      }
    } catch (e) {
      showError(e, '抽取失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="新建抽查" open={open} onCancel={onClose} onOk={() => void create()} okText="抽取" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Segmented<Way>
        block
        value={way}
        onChange={setWay}
        options={[{ value: 'random', label: '随机抽取' }, { value: 'risk', label: '按风险' }]}
        style={{ margin: '12px 0 16px' }}
      />
      <Form form={form} layout="vertical" initialValues={{ count: 5, criterion: 'findings' }}>
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请选择年度' }]}>
          <Select aria-label="抽查年度" style={{ width: 240 }} options={yearOptions} loading={years.loading} notFoundContent="本地区还没有自评" placeholder="选择年度" />
        </Form.Item>
        <Form.Item label="抽取数量" name="count" rules={[{ required: true, message: '请填写抽取数量' }]}>
          <InputNumber aria-label="抽取数量" min={1} max={10_000} precision={0} style={{ width: 160 }} suffix="份" />
        </Form.Item>
        {way === 'random' ? (
          <Form.Item label="随机种子" name="seed" extra="不填则自动生成。种子会记录下来：同一年度用同一种子再次抽取，抽到的自评相同，便于复现与核查。">
            <Input aria-label="随机种子" maxLength={100} placeholder="例如 2023-第一批" />
          </Form.Item>
        ) : (
          <Form.Item label="风险依据" name="criterion">
            <Select aria-label="风险依据" options={RISK_OPTIONS.map((o) => ({ ...o }))} />
          </Form.Item>
        )}
        <Form.Item label="说明" name="note">
          <Input.TextArea aria-label="抽查说明" maxLength={2000} autoSize={{ minRows: 2, maxRows: 4 }} placeholder="抽查依据、比例等（可不填）" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SpotChecksPage() {
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useAsync(() => listSpotChecks(page, 20), [page]);
  return (
    <div className="jx-page">
      <div className="jx-page-head">
        <h1>抽查复核</h1>
        <Button type="primary" onClick={() => setCreating(true)}>新建抽查</Button>
      </div>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} what="抽查列表" />
      ) : (
        <Table<SpotCheckListItem>
          rowKey="id"
          aria-label="抽查列表"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
          locale={{ emptyText: <EmptyState description="还没有抽查。点“新建抽查”随机或按风险抽取本地区已提交的自评。" /> }}
          columns={[
            { title: '抽取时间', dataIndex: 'createdAt', width: 190, render: (v: string, r) => <Link to={`/spot-checks/${r.id}`}>{formatDateTime(v)}</Link> },
            { title: '年度', dataIndex: 'year', width: 100, render: (y: number) => `${y}年度` },
            { title: '方式', dataIndex: 'method', width: 220, render: (m: string) => methodName(m) },
            { title: '随机种子', dataIndex: 'seed', width: 180, render: (s: string | null) => (s ? <Typography.Text code>{s}</Typography.Text> : '—') },
            { title: '抽取 / 已复核', key: 'progress', width: 120, align: 'right', render: (_, r) => <span className="jx-number-text">{r.items} / <Typography.Text type={r.recorded === r.items ? 'success' : undefined}>{r.recorded}</Typography.Text></span> },
            { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '' },
            { title: '抽取人', dataIndex: 'createdBy', width: 140 },
          ]}
        />
      )}
      <NewSpotCheckDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
