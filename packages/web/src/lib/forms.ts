/**
 * A dialog form's submit: validation failures stay on the form (marked at their fields, no uncaught
 * rejection), other failures are shown in Chinese.
 * @module
 */
import { showError } from './notify.tsx';

export async function submitForm<T>(form: { validateFields(): Promise<T> }, act: (values: T) => Promise<void>, what: string, setBusy: (busy: boolean) => void): Promise<void> {
  let values: T;
  try {
    values = await form.validateFields();
  } catch {
    return;
  }
  setBusy(true);
  try {
    await act(values);
  } catch (e) {
    showError(e, what);
  } finally {
    setBusy(false);
  }
}
