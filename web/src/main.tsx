import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoot } from './app-root.tsx';
import { localizeAriaLabels } from './lib/aria-labels.ts';
import { appTheme } from './theme.ts';
import './styles.css';

dayjs.locale('zh-cn');

const container = document.getElementById('root');
if (!container) throw new Error('缺少挂载节点 #root');
// Popups and drawers render outside #root: watch the whole body.
localizeAriaLabels(document.body);

createRoot(container).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={appTheme} button={{ autoInsertSpace: false }}>
      <App>
        <AppRoot />
      </App>
    </ConfigProvider>
  </StrictMode>,
);
