/**
 * 登录. Kept small on purpose (plain markup around antd's Form, Input and Button): the first page a
 * person opens loads fast.
 * @module
 */
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { describeError } from '../lib/notify.tsx';
import { Link, navigate, useLocation } from '../routing/router.tsx';
import { homeOf, useSession } from '../session.tsx';

export function LoginPage() {
  const { login } = useSession();
  const { search } = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const user = await login(values.username.trim(), values.password);
      const next = search.get('next');
      await navigate(next && next.startsWith('/') && !next.startsWith('/login') ? next : homeOf(user), { replace: true });
    } catch (e) {
      setError(describeError(e).title);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="jx-login">
      <div className="jx-login-card">
        <h1 className="jx-login-title">预算绩效自评</h1>
        <p className="jx-muted jx-login-sub">单位填报 · 财政审核</p>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        <p className="jx-muted jx-small jx-login-foot">
          不登录也可以 <Link to="/try">离线试算</Link> 一份报告
        </p>
      </div>
    </main>
  );
}
