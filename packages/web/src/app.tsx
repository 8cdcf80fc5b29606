/**
 * The application shell: header and navigation, the session, and the routes. Every page is its own
 * chunk (the editor carries the core engine; the review page carries ECharts).
 * @module
 */
import { Badge, Button, Spin } from 'antd';
import { Notice } from './components/notice.tsx';
import { Component, type ComponentType, type ReactNode, Suspense, lazy, useEffect, useState } from 'react';
import { PasswordDialog } from './components/password-dialog.tsx';
import { listEvaluations } from './api/endpoints.ts';
import { unreadReturns } from './lib/returns-seen.ts';
import { clearToasts, showError } from './lib/notify.tsx';
import { Link, ParamsProvider, matchPath, navigate, useLocation } from './routing/router.tsx';
import { SessionProvider, homeOf, useSession } from './session.tsx';

type RouteDef = { path: string; page: ComponentType; auth: 'none' | 'user'; title: string };

const routes: RouteDef[] = [
  { path: '/login', page: lazy(() => import('./pages/login-page.tsx').then((m) => ({ default: m.LoginPage }))), auth: 'none', title: '登录' },
  { path: '/evaluations', page: lazy(() => import('./pages/evaluations-page.tsx').then((m) => ({ default: m.EvaluationsPage }))), auth: 'user', title: '我的自评' },
  { path: '/evaluations/:id', page: lazy(() => import('./pages/editor-page.tsx').then((m) => ({ default: m.EditorPage }))), auth: 'user', title: '编辑自评' },
  { path: '/evaluations/:id/history', page: lazy(() => import('./pages/history-page.tsx').then((m) => ({ default: m.HistoryPage }))), auth: 'user', title: '版本历史' },
  { path: '/inbox', page: lazy(() => import('./pages/inbox-page.tsx').then((m) => ({ default: m.InboxPage }))), auth: 'user', title: '审核收件箱' },
  { path: '/review/:id', page: lazy(() => import('./pages/review-page.tsx').then((m) => ({ default: m.ReviewPage }))), auth: 'user', title: '审核' },
  { path: '/dashboard', page: lazy(() => import('./pages/dashboard-page.tsx').then((m) => ({ default: m.DashboardPage }))), auth: 'user', title: '绩效总览' },
  { path: '/spot-checks', page: lazy(() => import('./pages/spot-checks-page.tsx').then((m) => ({ default: m.SpotChecksPage }))), auth: 'user', title: '抽查复核' },
  { path: '/spot-checks/:id', page: lazy(() => import('./pages/spot-check-page.tsx').then((m) => ({ default: m.SpotCheckPage }))), auth: 'user', title: '抽查复核' },
  { path: '/batches', page: lazy(() => import('./pages/batches-page.tsx').then((m) => ({ default: m.BatchesPage }))), auth: 'user', title: '批量审核' },
  { path: '/batches/:id', page: lazy(() => import('./pages/batch-page.tsx').then((m) => ({ default: m.BatchPage }))), auth: 'user', title: '批量审核' },
  { path: '/admin', page: lazy(() => import('./pages/admin-page.tsx').then((m) => ({ default: m.AdminPage }))), auth: 'user', title: '系统管理' },
  { path: '/try', page: lazy(() => import('./pages/sandbox-page.tsx').then((m) => ({ default: m.SandboxPage }))), auth: 'none', title: '离线试算' },
];

const Loading = () => (
  <div className="jx-center" role="status" aria-live="polite">
    <Spin size="large" description="正在加载…" />
  </div>
);

class PageBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    showError(error, '页面出错');
  }
  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }
  override render() {
    if (this.state.failed) {
      return (
        <Notice
          tone="error"
          title="页面出错了"
          detail="可能是网络中断或程序错误。已输入的内容会保存在本机草稿中。"
          actions={<Button onClick={() => window.location.reload()}>重新加载</Button>}
        />
      );
    }
    return this.props.children;
  }
}

/** A unit's returned evaluations it has not opened yet, counted again on every page change. */
function useUnreadReturns(enabled: boolean, pathname: string): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    listEvaluations({ status: 'returned' })
      .then((list) => { if (live) setCount(unreadReturns(list.items).length); })
      .catch(() => undefined); // the badge is only a help: the list itself reports errors
    return () => { live = false; };
  }, [enabled, pathname]);
  return enabled ? count : 0;
}

function Header() {
  const { user, logout, reload } = useSession();
  const { pathname } = useLocation();
  const [changing, setChanging] = useState(false);
  const forced = Boolean(user?.mustChangePassword);
  const unread = useUnreadReturns(Boolean(user) && !forced && (user?.role === 'preparer' || user?.role === 'unitHead'), pathname);
  const nav: { to: string; label: string }[] = user
    ? user.role === 'preparer' || user.role === 'unitHead'
      ? [{ to: '/evaluations', label: '我的自评' }]
      : user.role === 'admin'
        ? [{ to: '/admin', label: '系统管理' }, { to: '/dashboard', label: '绩效总览' }, { to: '/batches', label: '批量审核' }]
        : [{ to: '/inbox', label: '审核收件箱' }, { to: '/dashboard', label: '绩效总览' }, { to: '/spot-checks', label: '抽查复核' }, { to: '/batches', label: '批量审核' }]
    : [];
  nav.push({ to: '/try', label: '离线试算' });
  return (
    <header className="jx-header">
      <Link to={user ? homeOf(user) : '/login'} className="jx-brand">预算绩效自评</Link>
      <nav className="jx-nav" aria-label="主导航">
        {nav.map((n) => (
          <Link key={n.to} to={n.to} aria-current={pathname.startsWith(n.to) ? 'page' : undefined}>
            {n.to === '/evaluations' && unread > 0 ? (
              <Badge count={unread} size="small" offset={[8, -2]} title={`${unread} 份自评被退回，尚未查看`} data-testid="returns-badge">
                <span style={{ color: 'inherit' }}>{n.label}</span>
              </Badge>
            ) : n.label}
          </Link>
        ))}
      </nav>
      {user && (
        <div className="jx-user">
          <span>
            {user.unit ? `${user.unit.name} · ` : user.region ? `${user.region.financeBureau} · ` : ''}
            {user.displayName}（{user.roleName}）
          </span>
          <Button size="small" ghost onClick={() => setChanging(true)}>修改密码</Button>
          <Button size="small" ghost onClick={() => void logout().then(() => { clearToasts(); return navigate('/login', { force: true }); })}>
            退出
          </Button>
        </div>
      )}
      {user && <PasswordDialog open={changing || forced} forced={forced} onCancel={() => setChanging(false)} onDone={() => { setChanging(false); if (forced) reload(); }} />}
    </header>
  );
}

function Routes() {
  const { pathname } = useLocation();
  const { user, loading, error, reload } = useSession();
  const found = routes.map((r) => ({ r, params: matchPath(r.path, pathname) })).find((x) => x.params !== null);

  useEffect(() => {
    if (found) document.title = `${found.r.title} · 预算绩效自评`;
  }, [found]);

  useEffect(() => {
    if (loading || error) return;
    if (pathname === '/' || pathname === '') void navigate(user ? homeOf(user) : '/login', { replace: true });
    else if (found?.r.auth === 'user' && !user) void navigate(`/login?next=${encodeURIComponent(pathname)}`, { replace: true });
  }, [error, found, loading, pathname, user]);

  if (found?.r.auth !== 'none' && loading) return <Loading />;
  if (found?.r.auth !== 'none' && error) {
    return (
      <Notice
        title="无法连接服务器"
        detail="请检查网络或稍后再试。不需要服务器的“离线试算”仍可使用。"
        actions={
          <>
            <Button type="primary" onClick={reload}>重试</Button>
            <Button onClick={() => void navigate('/try')}>离线试算</Button>
          </>
        }
      />
    );
  }
  if (!found) {
    if (pathname === '/') return <Loading />;
    return <Notice tone="info" title="找不到这个页面" detail={`地址 ${pathname} 不存在。`} actions={<Button onClick={() => void navigate('/')}>回到首页</Button>} />;
  }
  if (found.r.auth === 'user' && !user) return <Loading />;
  // The server answers nothing else until the handed-out password is changed (the dialog in the header).
  if (found.r.auth === 'user' && user?.mustChangePassword) {
    return <Notice tone="info" title="请先修改初始密码" detail="您正在使用管理员设置的初始密码。设置自己的新密码后，才能查看和填写自评。" />;
  }
  const Page = found.r.page;
  return (
    <PageBoundary resetKey={pathname}>
      <Suspense fallback={<Loading />}>
        <ParamsProvider params={found.params ?? {}}>
          <Page />
        </ParamsProvider>
      </Suspense>
    </PageBoundary>
  );
}

export function Shell() {
  return (
    <SessionProvider>
      <Header />
      <Routes />
    </SessionProvider>
  );
}
