import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FieldApp } from './app/field-app.tsx';
import './field.css';

const container = document.getElementById('root');
if (!container) throw new Error('缺少挂载节点 #root');

createRoot(container).render(
  <StrictMode>
    <FieldApp />
  </StrictMode>,
);
