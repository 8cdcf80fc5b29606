/**
 * One place that shows failures and results: antd's message and notification from the App context, and
 * the Chinese message of every API error.
 * @module
 */
import { App } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { NotificationInstance } from 'antd/es/notification/interface';
import type { HookAPI } from 'antd/es/modal/useModal';
import { useEffect } from 'react';
import { ApiError } from '../api/client.ts';
import { setLeaveConfirmer } from '../routing/router.tsx';

let message: MessageInstance | null = null;
let notification: NotificationInstance | null = null;
let modal: HookAPI | null = null;

/** Mount once inside antd's <App>. */
export function NotifyBridge() {
  const app = App.useApp();
  useEffect(() => {
    message = app.message;
    notification = app.notification;
    modal = app.modal;
    setLeaveConfirmer(
      (question) =>
        new Promise<boolean>((resolve) => {
          if (!modal) return resolve(window.confirm(question));
          modal.confirm({ title: '离开此页？', content: question, okText: '离开', cancelText: '留下', onOk: () => resolve(true), onCancel: () => resolve(false) });
        }),
    );
  }, [app]);
  return null;
}

/** The Chinese text for any failure. */
export function describeError(e: unknown): { title: string; details: readonly string[] } {
  if (e instanceof ApiError) return { title: e.message, details: e.details };
  if (e instanceof Error && /[\u4e00-\u9fff]/u.test(e.message)) return { title: e.message, details: [] };
  return { title: '操作失败，请稍后再试', details: [] };
}

export function showError(e: unknown, what?: string): void {
  const { title, details } = describeError(e);
  const text = what ? `${what}：${title}` : title;
  if (details.length > 0 && notification) {
    notification.error({ title: text, description: details.slice(0, 8).join('；'), duration: 8 });
  } else if (message) {
    void message.error(text, 5);
  } else {
    console.error(text);
  }
}

/** Clears toasts (on logout: the next user should not see the last one's). */
export function clearToasts(): void {
  message?.destroy();
  notification?.destroy();
}

export function showSuccess(text: string): void {
  if (message) void message.success(text);
}
