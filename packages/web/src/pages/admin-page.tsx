/**
 * 系统管理 (administrator): regions and their finance bureaus, units, accounts (create with a role,
 * disable and enable, unlock, reset the password — a password handed out must be changed at the next
 * login) and the audit log with filters (action, user, days).
 * @module
 */
import { Alert, App, Button, DatePicker, Form, Input, Modal, Popconfirm, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import {
  type Account, AUDIT_ACTIONS, type AuditEntry, createAccount, createRegion, createUnit, listAccounts, listAudit, listRegions, listUnits, type Region,
  ROLE_NAMES, type Unit, type UnitKind, updateAccount,
} from '../api/admin.ts';
import type { Role } from '../api/types.ts';
import { ErrorState } from '../components/states.tsx';
import { formatDateTime } from '../lib/dates.ts';
import { submitForm } from '../lib/forms.ts';
import { showError, showSuccess } from '../lib/notify.tsx';
import { useAsync } from '../lib/use-async.ts';
import { useSession } from '../session.tsx';

/** A password shown once (a new account, a reset). */
function showPassword(modal: ReturnType<typeof App.useApp>['modal'], title: string, username: string, password: string) {
  modal.info({
    title,
    content: (
      <div data-testid="handed-password">
        <p>账户 <b>{username}</b> 的初始密码（只显示这一次，请交给本人；首次登录时须修改）：</p>
        <Typography.Paragraph copyable code style={{ fontSize: 16 }}>{password}</Typography.Paragraph>
      </div>
    ),
    okText: '我已记下',
  });
}

function RegionsTab({ regions, onChanged }: { regions: readonly Region[]; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ name: string; financeBureau: string }>();
  return (
    <>
      <Space style={{ marginBottom: 12 }}><Button type="primary" onClick={() => setOpen(true)}>新建地区</Button></Space>
      <Table<Region>
        rowKey="id"
        size="middle"
        dataSource={[...regions]}
        pagination={false}
        columns={[
          { title: '地区', dataIndex: 'name' },
          { title: '财政局', dataIndex: 'financeBureau' },
          { title: '建立时间', dataIndex: 'createdAt', width: 180, render: (v: string) => formatDateTime(v) },
        ]}
      />
      <Modal title="新建地区" open={open} onCancel={() => setOpen(false)} okText="新建" cancelText="取消" confirmLoading={busy} destroyOnHidden
        onOk={() => void submitForm(form, async (v) => { await createRegion(v); showSuccess(`已新建地区「${v.name}」`); setOpen(false); onChanged(); }, '新建地区失败', setBusy)}>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item label="地区名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写地区名称' }]}><Input aria-label="地区名称" placeholder="湖南省衡阳县" /></Form.Item>
          <Form.Item label="财政局名称" name="financeBureau" rules={[{ required: true, whitespace: true, message: '请填写财政局名称' }]}><Input aria-label="财政局名称" placeholder="衡阳县财政局" /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

type UnitValues = { regionId: string; name: string; code?: string; kind: UnitKind; parentId?: string };

function UnitsTab({ regions, units, regionId, setRegionId, onChanged }: { regions: readonly Region[]; units: readonly Unit[]; regionId: string | null; setRegionId: (id: string | null) => void; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<UnitValues>();
  const kind = Form.useWatch('kind', form);
  const formRegion = Form.useWatch('regionId', form);
  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const parents = units.filter((u) => u.kind === 'supervisingDepartment' && u.regionId === formRegion);
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select aria-label="按地区筛选单位" allowClear placeholder="全部地区" style={{ width: 220 }} value={regionId} onChange={(v) => setRegionId(v ?? null)} options={regions.map((r) => ({ value: r.id, label: r.name }))} />
        <Button type="primary" onClick={() => setOpen(true)} disabled={regions.length === 0}>新建单位</Button>
      </Space>
      <Table<Unit>
        rowKey="id"
        size="middle"
        dataSource={[...units]}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '单位', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kindName', width: 110 },
          { title: '上级主管部门', dataIndex: 'parentId', render: (v: string | null) => (v ? unitName.get(v) ?? '—' : '—') },
          { title: '单位编码', dataIndex: 'code', width: 120, render: (v: string | null) => v ?? '—' },
          { title: '地区', dataIndex: 'regionId', render: (v: string) => regionName.get(v) ?? '—' },
        ]}
      />
      <Modal title="新建单位" open={open} onCancel={() => setOpen(false)} okText="新建" cancelText="取消" confirmLoading={busy} destroyOnHidden
        onOk={() => void submitForm(form, async (v) => {
          await createUnit({ regionId: v.regionId, name: v.name, kind: v.kind, ...(v.code ? { code: v.code } : {}), ...(v.kind === 'budgetUnit' && v.parentId ? { parentId: v.parentId } : {}) });
          showSuccess(`已新建单位「${v.name}」`);
          setOpen(false);
          onChanged();
        }, '新建单位失败', setBusy)}>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ regionId: regionId ?? regions[0]?.id, kind: 'supervisingDepartment' }}>
          <Form.Item label="地区" name="regionId" rules={[{ required: true, message: '请选择地区' }]}><Select aria-label="单位所在地区" options={regions.map((r) => ({ value: r.id, label: r.name }))} /></Form.Item>
          <Form.Item label="单位名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}><Input aria-label="单位名称" placeholder="衡阳县自然资源局" /></Form.Item>
          <Form.Item label="单位编码" name="code"><Input aria-label="单位编码" placeholder="可不填" /></Form.Item>
          <Form.Item label="类型" name="kind"><Radio.Group options={[{ value: 'supervisingDepartment', label: '主管部门' }, { value: 'budgetUnit', label: '预算单位（属某主管部门）' }]} /></Form.Item>
          {kind === 'budgetUnit' && (
            <Form.Item label="上级主管部门" name="parentId" rules={[{ required: true, message: '请选择上级主管部门' }]}>
              <Select aria-label="上级主管部门" options={parents.map((u) => ({ value: u.id, label: u.name }))} notFoundContent="本地区还没有主管部门" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

type AccountValues = { username: string; displayName: string; role: Role; unitId?: string; regionId?: string };

function AccountsTab({ regions, units }: { regions: readonly Region[]; units: readonly Unit[] }) {
  const { user: me } = useSession();
  const { modal } = App.useApp();
  const [role, setRole] = useState<Role | null>(null);
  const [regionId, setRegionId] = useState<string | null>(null);
  const list = useAsync(() => listAccounts({ role, regionId }), [role, regionId]);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<AccountValues>();
  const newRole = Form.useWatch('role', form);
  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const change = async (a: Account, what: string, body: Parameters<typeof updateAccount>[1]) => {
    try {
      const result = await updateAccount(a.id, body);
      if (result.newPassword) showPassword(modal, '已重置密码', a.username, result.newPassword);
      else showSuccess(`已${what}：${a.displayName}`);
      list.reload();
    } catch (e) {
      showError(e, `${what}失败`);
    }
  };
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select aria-label="按角色筛选账户" allowClear placeholder="全部角色" style={{ width: 140 }} value={role} onChange={(v) => setRole(v ?? null)} options={Object.entries(ROLE_NAMES).map(([value, label]) => ({ value, label }))} />
        <Select aria-label="按地区筛选账户" allowClear placeholder="全部地区" style={{ width: 220 }} value={regionId} onChange={(v) => setRegionId(v ?? null)} options={regions.map((r) => ({ value: r.id, label: r.name }))} />
        <Button type="primary" onClick={() => setOpen(true)}>新建账户</Button>
      </Space>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} what="账户" /> : (
        <Table<Account>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '用户名', dataIndex: 'username', width: 190 },
            { title: '姓名', dataIndex: 'displayName' },
            { title: '角色', dataIndex: 'roleName', width: 110 },
            { title: '单位或地区', key: 'where', render: (_, a) => (a.unitId ? unitName.get(a.unitId) ?? '本地区某单位' : a.regionId ? regionName.get(a.regionId) ?? '—' : '全系统') },
            {
              title: '状态', key: 'state', width: 190,
              render: (_, a) => (
                <Space size={4} wrap>
                  {a.isActive ? <Tag color="success">启用</Tag> : <Tag>已停用</Tag>}
                  {a.isLocked && <Tag color="warning">已锁定</Tag>}
                  {a.mustChangePassword && <Tag color="processing">待改初始密码</Tag>}
                </Space>
              ),
            },
            {
              title: '操作', key: 'actions', width: 230,
              render: (_, a) => (
                <Space size={4} wrap>
                  {a.id !== me?.id && (a.isActive
                    ? <Popconfirm title={`停用「${a.displayName}」？`} description="停用后立即退出登录，不能再登录；可随时启用。" okText="停用" cancelText="取消" onConfirm={() => change(a, '停用', { isActive: false })}><Button size="small" danger>停用</Button></Popconfirm>
                    : <Button size="small" onClick={() => void change(a, '启用', { isActive: true })}>启用</Button>)}
                  <Popconfirm title={`重置「${a.displayName}」的密码？`} description="生成新的初始密码（只显示一次），本人首次登录时须修改。" okText="重置" cancelText="取消" onConfirm={() => change(a, '重置密码', { resetPassword: true })}>
                    <Button size="small">重置密码</Button>
                  </Popconfirm>
                  {a.isLocked && <Button size="small" onClick={() => void change(a, '解锁', { unlock: true })}>解锁</Button>}
                </Space>
              ),
            },
          ]}
        />
      )}
      <Modal title="新建账户" open={open} onCancel={() => setOpen(false)} okText="新建" cancelText="取消" confirmLoading={busy} destroyOnHidden
        onOk={() => void submitForm(form, async (v) => {
          const unitRole = v.role === 'preparer' || v.role === 'unitHead';
          const created = await createAccount({ username: v.username.trim(), displayName: v.displayName, role: v.role, ...(unitRole && v.unitId ? { unitId: v.unitId } : {}), ...(v.role === 'reviewer' && v.regionId ? { regionId: v.regionId } : {}) });
          setOpen(false);
          list.reload();
          if (created.initialPassword) showPassword(modal, '已新建账户', created.user.username, created.initialPassword);
        }, '新建账户失败', setBusy)}>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ role: 'preparer' }}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请填写用户名' }, { pattern: /^[a-z0-9][a-z0-9_.-]{2,31}$/u, message: '用户名为 3–32 位小写字母、数字或 _ . -，以字母或数字开头' }]}>
            <Input aria-label="用户名" placeholder="例如 zhangsan" />
          </Form.Item>
          <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}><Input aria-label="姓名" /></Form.Item>
          <Form.Item label="角色" name="role"><Select aria-label="角色" options={Object.entries(ROLE_NAMES).map(([value, label]) => ({ value, label }))} /></Form.Item>
          {(newRole === 'preparer' || newRole === 'unitHead') && (
            <Form.Item label="所在单位" name="unitId" rules={[{ required: true, message: '请选择单位' }]}>
              <Select aria-label="所在单位" showSearch={{ optionFilterProp: 'label' }} options={units.map((u) => ({ value: u.id, label: `${u.name}（${regionName.get(u.regionId) ?? ''}）` }))} />
            </Form.Item>
          )}
          {newRole === 'reviewer' && (
            <Form.Item label="所在地区（审核本地区各单位）" name="regionId" rules={[{ required: true, message: '请选择地区' }]}>
              <Select aria-label="所在地区" options={regions.map((r) => ({ value: r.id, label: r.name }))} />
            </Form.Item>
          )}
          <Alert type="info" showIcon title="初始密码由系统生成，只显示一次；本人首次登录时须修改。" />
        </Form>
      </Modal>
    </>
  );
}

function AuditTab() {
  const [action, setAction] = useState<string | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const from = range?.[0]?.format('YYYY-MM-DD') ?? null;
  const to = range?.[1]?.format('YYYY-MM-DD') ?? null;
  const list = useAsync(() => listAudit({ action, userId, from, to, page }), [action, userId, from, to, page]);
  const accounts = useAsync(() => listAccounts(), []);
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select aria-label="按操作筛选" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部操作" style={{ width: 160 }} value={action} onChange={(v) => { setAction(v ?? null); setPage(1); }} options={[...AUDIT_ACTIONS]} />
        <Select aria-label="按用户筛选" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部用户" style={{ width: 200 }} value={userId} onChange={(v) => { setUserId(v ?? null); setPage(1); }}
          options={(accounts.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）` }))} />
        <DatePicker.RangePicker aria-label="按日期筛选" value={range} onChange={(v) => { setRange(v as [Dayjs | null, Dayjs | null] | null); setPage(1); }} />
      </Space>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} what="审计日志" /> : (
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
          columns={[
            { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
            { title: '用户', dataIndex: 'username', width: 150, render: (v: string | null) => v ?? '系统' },
            { title: '操作', dataIndex: 'actionName', width: 130 },
            { title: '内容', dataIndex: 'summary' },
            { title: '理由或意见', dataIndex: 'reason', width: 220, render: (v: string | null) => v ?? '' },
          ]}
        />
      )}
    </>
  );
}

export function AdminPage() {
  const { user } = useSession();
  const [regionId, setRegionId] = useState<string | null>(null);
  const regions = useAsync(() => listRegions(), []);
  const units = useAsync(() => listUnits(regionId), [regionId]);
  const allUnits = useAsync(() => listUnits(), []);
  const regionItems = useMemo(() => regions.data?.items ?? [], [regions.data]);
  if (user?.role !== 'admin') return <ErrorState error={new Error('只有系统管理员可以进入系统管理')} onRetry={() => undefined} what="系统管理" />;
  if (regions.error) return <ErrorState error={regions.error} onRetry={regions.reload} what="地区" />;
  return (
    <div className="jx-page">
      <div className="jx-page-head"><h1>系统管理</h1></div>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'accounts', label: '账户', children: <AccountsTab regions={regionItems} units={allUnits.data?.items ?? []} /> },
          { key: 'units', label: '单位', children: <UnitsTab regions={regionItems} units={units.data?.items ?? []} regionId={regionId} setRegionId={setRegionId} onChanged={() => { units.reload(); allUnits.reload(); }} /> },
          { key: 'regions', label: '地区', children: <RegionsTab regions={regionItems} onChanged={regions.reload} /> },
          { key: 'audit', label: '审计日志', children: <AuditTab /> },
        ]}
      />
    </div>
  );
}
