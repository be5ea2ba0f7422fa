import { OUTBOX_STATE_LABELS } from '@contracts/field-labels.ts';
import { useField } from '../app/field-context.ts';
import { Screen } from '../components/screen.tsx';
import { Banner, Button } from '../components/ui.tsx';
import { formatChinaMinute } from '../lib/dates.ts';
import { isUnsent, type OutboxItem } from './send-record.ts';

/**
 * 待发送: every record made on this device that the server has not confirmed, with its state and last error and a
 * 「立即发送」 button (field rule 5, 7); records already sent are listed below.
 */
export function OutboxPage() {
  const { outbox, sending, sendNow, online } = useField();
  const unsent = outbox.filter(isUnsent).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const sent = outbox.filter((item) => !isUnsent(item)).sort((a, b) => (b.sentAt ?? '').localeCompare(a.sentAt ?? ''));
  return (
    <Screen title="待发送">
      {unsent.length > 0 ? (
        <Banner kind="warn">
          有 {unsent.length} 条记录尚未发送到服务器。发送成功前，记录、照片和签名都保留在本机；请勿清除浏览器数据。
        </Banner>
      ) : (
        <Banner kind="ok">所有记录都已发送。</Banner>
      )}
      {unsent.length > 1 ? (
        <Button kind="primary" block disabled={sending} onClick={() => void sendNow()}>
          {sending ? '正在发送…' : '全部发送'}
        </Button>
      ) : null}
      <ul className="outbox-list" aria-label="待发送记录">
        {unsent.map((item) => (
          <li key={item.recordId}>
            <OutboxCard item={item} sending={sending} online={online} onSend={() => void sendNow(item.recordId)} />
          </li>
        ))}
      </ul>
      {sent.length > 0 ? (
        <>
          <h2 className="list-title">已发送</h2>
          <ul className="outbox-list" aria-label="已发送记录">
            {sent.slice(0, 30).map((item) => (
              <li key={item.recordId}>
                <OutboxCard item={item} sending={sending} online={online} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Screen>
  );
}

function OutboxCard({ item, sending, online, onSend }: { item: OutboxItem; sending: boolean; online: boolean; onSend?: () => void }) {
  const photos = item.files.length;
  const what =
    item.kind === 'confirm'
      ? `协办确认（第 ${item.confirm.version} 版）`
      : `${item.request.body.outcome === 'inspected' ? '检查记录' : '无法检查记录'}${item.request.corrects ? `（更正，第 ${item.version ?? 2} 版）` : ''}`;
  return (
    <div className={`card outbox-item outbox-${item.state}`} aria-label={`${item.unitName} ${OUTBOX_STATE_LABELS[item.state]}`}>
      <div className="task-card-head">
        <strong>{item.unitName}</strong>
        <span className={`tag tag-outbox-${item.state}`}>{OUTBOX_STATE_LABELS[item.state]}</span>
      </div>
      <div className="muted small">
        {what} · {photos} 个照片/签名文件 · 提交于 {formatChinaMinute(item.createdAt)}
      </div>
      <div className="muted small">
        {item.state === 'sent' ? `已于 ${formatChinaMinute(item.sentAt)} 发送成功` : `已尝试 ${item.attempts} 次${item.lastTriedAt ? `，最近 ${formatChinaMinute(item.lastTriedAt)}` : ''}`}
      </div>
      {item.lastError && item.state !== 'sent' ? <div className="field-error">{item.lastError}</div> : null}
      {onSend ? (
        <Button kind="primary" onClick={onSend} disabled={sending}>
          {sending ? '正在发送…' : online ? '立即发送' : '立即发送（当前离线）'}
        </Button>
      ) : null}
    </div>
  );
}
