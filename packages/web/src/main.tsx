import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Shell } from './app.tsx';
import { NotifyBridge } from './lib/notify.tsx';
import './styles.css';

dayjs.locale('zh-cn');

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#1f5fa8', borderRadius: 4 } }}>
        <AntdApp>
          <NotifyBridge />
          <Shell />
        </AntdApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
