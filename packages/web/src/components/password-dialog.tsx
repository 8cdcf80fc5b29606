/**
 * 修改密码: everyone's own password (POST /api/auth/password). When the password is one the administrator
 * handed out (a new account, a reset, a first-run password), the dialog opens by itself after login and
 * cannot be dismissed until a new password is set.
 * @module
 */
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { changePassword } from '../api/admin.ts';
import { submitForm } from '../lib/forms.ts';
import { showSuccess } from '../lib/notify.tsx';

type Values = { currentPassword: string; newPassword: string; repeat: string };

export function PasswordDialog({ open, forced, onDone, onCancel }: { open: boolean; forced: boolean; onDone: () => void; onCancel: () => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = () =>
    submitForm(form, async (values) => {
      await changePassword(values.currentPassword, values.newPassword);
      showSuccess('密码已修改');
      form.resetFields();
      onDone();
    }, '修改密码失败', setBusy);
  return (
    <Modal
      title="修改密码"
      open={open}
      onOk={() => void submit()}
      onCancel={forced ? undefined : onCancel}
      okText="修改"
      cancelText="取消"
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      cancelButtonProps={forced ? { style: { display: 'none' } } : undefined}
      confirmLoading={busy}
      destroyOnHidden
    >
      {forced && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="您正在使用管理员设置的初始密码，请先设置自己的新密码。" />}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请填写当前密码' }]}>
          <Input.Password autoComplete="current-password" aria-label="当前密码" />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请填写新密码' }]} extra="须符合本系统的密码规则；不符合时会说明原因">
          <Input.Password autoComplete="new-password" aria-label="新密码" />
        </Form.Item>
        <Form.Item
          label="再次输入新密码"
          name="repeat"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) }),
          ]}
        >
          <Input.Password autoComplete="new-password" aria-label="再次输入新密码" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
