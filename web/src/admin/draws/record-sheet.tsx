import { PrinterOutlined } from '@ant-design/icons';
import type { DrawView } from '@contracts/draws.ts';
import { Button, Modal } from 'antd';
import { createPortal } from 'react-dom';
import { formatDateTime } from '../../lib/format.ts';
import './record-sheet.css';
import type { ObserverSecret } from './secret.ts';
import { describeSecret, secretDisplayText, secretQrText } from './secret.ts';
import { qrDrawingOf } from './secret-qr.ts';

export type RecordSheetData = {
  draw: Pick<DrawView, 'code' | 'orgName' | 'sourceLabel' | 'manifestHash'>;
  observer: Pick<DrawView['observers'][number], 'observerId' | 'name' | 'capacity'>;
  commitment: string;
  /** The secret as typed or generated. */
  text: string;
  secret: ObserverSecret;
};

/** The key as a QR code, drawn here from the key itself (nothing is sent), for a scanner to type it back at the reveal. */
function SecretQrCode({ secret, text }: { secret: ObserverSecret; text: string }) {
  const qr = qrDrawingOf(secretQrText(secret, text));
  if (!qr) return null;
  return (
    <figure className="record-sheet-qr">
      <svg
        viewBox={`0 0 ${qr.size} ${qr.size}`}
        width={132}
        height={132}
        role="img"
        aria-label="密钥二维码"
        shapeRendering="crispEdges"
      >
        <rect width={qr.size} height={qr.size} fill="#fff" />
        <path d={qr.path} fill="#000" />
      </svg>
      <figcaption>揭示时可扫码输入</figcaption>
    </figure>
  );
}

/** What the observer signs and keeps: the draw, the commitment, and the secret in large print (and as a QR code) until the reveal. */
function RecordSheet({ data, printedAt }: { data: RecordSheetData; printedAt: string }) {
  const { draw, observer, commitment, text, secret } = data;
  return (
    <div className="record-sheet">
      <h1>随机抽取监督人密钥记录单</h1>
      <p className="record-sheet-subtitle">XF-SRS/1 公开可验证随机抽取 · 抽取编号 {draw.code}</p>
      <table>
        <tbody>
          <tr>
            <th>组织单位</th>
            <td>{draw.orgName}</td>
          </tr>
          <tr>
            <th>抽查计划</th>
            <td>{draw.sourceLabel}</td>
          </tr>
          <tr>
            <th>清单哈希</th>
            <td className="record-sheet-mono">{draw.manifestHash}</td>
          </tr>
          <tr>
            <th>监督人</th>
            <td>
              {observer.observerId} · {observer.name}（{observer.capacity}）
            </td>
          </tr>
          <tr>
            <th>承诺值</th>
            <td className="record-sheet-mono">{commitment}</td>
          </tr>
        </tbody>
      </table>
      <div className="record-sheet-secret">
        <SecretQrCode secret={secret} text={text} />
        <div className="record-sheet-secret-text">
          <div>密钥（揭示时原样输入）</div>
          <div className="record-sheet-secret-value record-sheet-mono">{secretDisplayText(secret, text)}</div>
          <div>{describeSecret(secret)}</div>
        </div>
      </div>
      <div className="record-sheet-warning">
        <strong>请妥善保管，揭示之前不得向任何人（包括工作人员）透露密钥。</strong>
        揭示时由本人原样输入，系统核对它能否打开上面的承诺值；密钥遗失将无法揭示，本次抽取只能作废。承诺值 = SHA-256（标签 ‖
        清单哈希 ‖ 监督人编号 ‖ 密钥），抽取结果公开后任何人都可以核对。
      </div>
      <div className="record-sheet-signatures">
        <div>
          监督人签名：
          <span />
        </div>
        <div>
          工作人员签名：
          <span />
        </div>
        <div>
          日期：
          <span />
        </div>
      </div>
      <p style={{ marginTop: 24, fontSize: 12, color: '#555' }}>打印时间：{printedAt}</p>
    </div>
  );
}

/** The record sheet on screen, and 打印 that prints it alone (print stylesheet; no PDF). */
export function RecordSheetModal({
  data,
  onPrinted,
  onClose,
}: {
  data: RecordSheetData;
  onPrinted: () => void;
  onClose: () => void;
}) {
  const printedAt = formatDateTime(new Date().toISOString());
  return (
    <Modal
      open
      title={`记录单：${data.observer.observerId} ${data.observer.name}`}
      width={760}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
        <Button
          key="print"
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => {
            onPrinted();
            window.print();
          }}
        >
          打印
        </Button>,
      ]}
    >
      <RecordSheet data={data} printedAt={printedAt} />
      {createPortal(
        <div className="record-sheet-print">
          <RecordSheet data={data} printedAt={printedAt} />
        </div>,
        document.body,
      )}
    </Modal>
  );
}
