/**
 * A small history router: path patterns with :params, links, navigation, and guards that ask before
 * leaving a page with unsaved changes (in-app links, the back button and closing the tab).
 * @module
 */
import { type AnchorHTMLAttributes, type MouseEvent, type ReactNode, createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';

type Listener = () => void;
const listeners = new Set<Listener>();
const notify = () => { for (const l of listeners) l(); };

/** A guard returns a question to ask (「有未保存的修改，确定离开吗？」) or null to let the navigation through. */
type Guard = () => string | null;
const guards = new Set<Guard>();
let confirmLeave: (question: string) => Promise<boolean> = (q) => Promise.resolve(window.confirm(q));

/** Lets the app show its own dialog instead of window.confirm. */
export function setLeaveConfirmer(fn: (question: string) => Promise<boolean>): void {
  confirmLeave = fn;
}

function pendingQuestion(): string | null {
  for (const g of guards) {
    const q = g();
    if (q) return q;
  }
  return null;
}

let current = typeof window === 'undefined' ? '/' : window.location.pathname + window.location.search;

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    const target = window.location.pathname + window.location.search;
    const question = pendingQuestion();
    if (!question) {
      current = target;
      notify();
      return;
    }
    // Undo the browser's move, then ask.
    window.history.pushState(null, '', current);
    void confirmLeave(question).then((ok) => {
      if (ok) {
        guards.clear();
        window.history.pushState(null, '', target);
        current = target;
        notify();
      }
    });
  });
  window.addEventListener('beforeunload', (event) => {
    if (pendingQuestion()) event.preventDefault();
  });
}

export async function navigate(to: string, { replace = false, force = false } = {}): Promise<boolean> {
  if (to === current) return true;
  const question = force ? null : pendingQuestion();
  if (question && !(await confirmLeave(question))) return false;
  if (question) guards.clear();
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  current = to;
  window.scrollTo(0, 0);
  notify();
  return true;
}

const subscribe = (l: Listener) => {
  listeners.add(l);
  return () => { listeners.delete(l); };
};

export function useLocation(): { pathname: string; search: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, () => current, () => current);
  const [pathname = '/', query = ''] = href.split('?');
  return { pathname, search: new URLSearchParams(query) };
}

/** Asks before leaving while `question` returns a question (read afresh at each navigation). */
export function useLeaveGuard(question: () => string | null): void {
  const ref = useRef(question);
  useEffect(() => {
    ref.current = question;
  });
  useEffect(() => {
    const guard: Guard = () => ref.current();
    guards.add(guard);
    return () => { guards.delete(guard); };
  }, []);
}

/** Matches `/evaluations/:id/review` against a pathname; params or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const a = pathname.split('/').filter(Boolean);
  if (p.length !== a.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i] as string;
    const val = a[i] as string;
    if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(val);
    else if (seg !== val) return null;
  }
  return params;
}

const ParamsContext = createContext<Record<string, string>>({});
export const ParamsProvider = ({ params, children }: { params: Record<string, string>; children: ReactNode }) => (
  <ParamsContext.Provider value={params}>{children}</ParamsContext.Provider>
);
export const useParams = (): Record<string, string> => useContext(ParamsContext);

export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void navigate(to);
  };
  return (
    <a href={to} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
