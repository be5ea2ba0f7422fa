import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined, KeyOutlined, PrinterOutlined } from '@ant-design/icons';
import type { DrawView } from '@contracts/draws.ts';
import { toHex } from '@domain/crypto/sha256.ts';
import { commitmentOf } from '@domain/draw/seed.ts';
import { Alert, Button, Card, Flex, Input, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { recordCommitment, recordReveal } from '../../api/draws.ts';
import { formatDateTime } from '../../lib/format.ts';
import { HashText } from '../../shared/draws/hash-text.tsx';
import { downloadKeyFile } from './key-file.ts';
import { RecordSheetModal } from './record-sheet.tsx';
import type { ObserverSecret } from './secret.ts';
import { describeSecret, generateSecret, parseSecret } from './secret.ts';
import { StepPanel } from './step-panel.tsx';
import { useDrawMutation } from './use-draw-mutation.ts';

type Observer = DrawView['observers'][number];

/**
 * A secret held by this page only (never sent): what was generated or typed, and how it was saved for the observer
 * (key file downloaded, record sheet printed). Both reset when the text changes.
 */
export type HeldSecret = { text: string; downloaded: boolean; printed: boolean };
const freshSecret = (text: string): HeldSecret => ({ text, downloaded: false, printed: false });
const isSaved = (held: HeldSecret | undefined) => held !== undefined && (held.downloaded || held.printed);
export type HeldSecrets = Record<string, HeldSecret>;

/** The secret's bytes as parsed, and the commitment they make for this draw and observer (null until usable). */
function commitmentFor(
  draw: DrawView,
  observerId: string,
  text: string,
): { secret: ObserverSecret | null; commitment: string | null } {
  const secret = parseSecret(text);
  return { secret, commitment: secret && !secret.problem ? commitmentOf(draw.manifestHash, observerId, secret.bytes) : null };
}

/** How a typed secret reads: "按十六进制密钥 · 16 字节", or what keeps it from being used. */
function SecretStatus({ secret, extra }: { secret: ObserverSecret | null; extra?: ReactNode }) {
  if (!secret)
    return (
      <Typography.Text type="secondary">
        密钥至少 16 字节：生成的密钥为 32 位十六进制数字；自拟口令按 UTF-8 计字节（一个汉字 3 字节）。
      </Typography.Text>
    );
  return (
    <Space wrap size={4}>
      <Typography.Text type={secret.problem ? 'danger' : 'secondary'}>
        {describeSecret(secret)}
        {secret.problem ? `：${secret.problem}` : ''}
      </Typography.Text>
      {extra}
    </Space>
  );
}

function ObserverTitle({ observer }: { observer: Observer }) {
  return (
    <span>
      {observer.observerId} · {observer.name}
      <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
        （{observer.capacity}）
      </Typography.Text>
    </span>
  );
}

type ObserverCardProps = { draw: DrawView; observer: Observer; held: HeldSecret | undefined; onHeld: (held: HeldSecret) => void };

const OBSERVER_STEPS = {
  commit: {
    title: '每位监督人生成或自拟一个密钥，系统只记录由它算出的承诺值。',
    description:
      '承诺值在本浏览器中计算，密钥不会发送到服务器。记录承诺值之前，须先保存密钥：下载密钥文件，或打印记录单（带密钥二维码）交监督人签字保管。揭示时监督人须原样输入或扫码输入密钥；密钥遗失则无法揭示，抽取只能作废。',
  },
  reveal: {
    title: '请各位监督人按记录单或密钥文件原样输入密钥（也可扫描记录单上的二维码）。',
    description: '密钥须能打开此前记录的承诺值。全部揭示后才能录入外部随机数；开始录入后不再接受揭示。',
  },
} as const;

/**
 * 监督人承诺 and 揭示, one card per observer. Commit: the secret is generated here (crypto.getRandomValues) or typed by
 * the observer; the commitment is computed in this browser with the same code as the server and the verifier, and
 * only the commitment is sent, once the secret was saved for the observer (key file or printed record sheet): the
 * secret stays on this page, in that file and on that sheet until the reveal.
 * Reveal: the secret typed from the sheet is read by the same rule, and this browser checks that it opens the
 * recorded commitment before sending it (the server checks again).
 */
export function ObserversPanel({
  step,
  draw,
  held,
  onHeld,
}: {
  step: keyof typeof OBSERVER_STEPS;
  draw: DrawView;
  held: HeldSecrets;
  onHeld: (observerId: string, secret: HeldSecret) => void;
}) {
  const ObserverCard = step === 'commit' ? ObserverCommitCard : ObserverRevealCard;
  return (
    <StepPanel {...OBSERVER_STEPS[step]}>
      {draw.observers.map((o) => (
        <ObserverCard
          key={o.observerId}
          draw={draw}
          observer={o}
          held={held[o.observerId]}
          onHeld={(h) => onHeld(o.observerId, h)}
        />
      ))}
    </StepPanel>
  );
}

/** An observer's card: name and capacity, and whether this step is done for them. */
function ObserverCard({
  observer,
  done,
  doneText,
  todoText,
  children,
}: {
  observer: Observer;
  done: boolean;
  doneText: string;
  todoText: string;
  children: ReactNode;
}) {
  return (
    <Card
      type="inner"
      size="small"
      title={<ObserverTitle observer={observer} />}
      extra={done ? <Tag color="green">{doneText}</Tag> : <Tag>{todoText}</Tag>}
    >
      {children}
    </Card>
  );
}

/** Where a secret is typed: monospace, no autocomplete or spell check (they would keep or mangle it). */
function SecretInput({
  value,
  onChange,
  label,
  placeholder,
}: {
  value: string;
  onChange: (text: string) => void;
  label: string;
  placeholder: string;
}) {
  return (
    <Input
      value={value}
      onChange={(e) => onChange(e.target.value)}
      placeholder={placeholder}
      aria-label={label}
      className="hash-text"
      autoComplete="off"
      spellCheck={false}
      maxLength={300}
    />
  );
}

/**
 * 下载密钥文件 and 打印记录单 for a secret this page holds, each marked once done; nothing when the page does not
 * hold a usable secret that makes `commitment` (after a reload the secret is with the observer only).
 */
function SaveSecret({
  draw,
  observer,
  held,
  commitment,
  onHeld,
}: {
  draw: DrawView;
  observer: Observer;
  held: HeldSecret | undefined;
  commitment: string;
  onHeld: (held: HeldSecret) => void;
}) {
  const [open, setOpen] = useState(false);
  const { secret, commitment: made } = commitmentFor(draw, observer.observerId, held?.text ?? '');
  if (!held || !secret || made !== commitment) return null;
  const data = { draw, observer, commitment, text: held.text, secret };
  return (
    <Flex gap={8} align="center" wrap>
      <Button
        icon={<DownloadOutlined />}
        onClick={() => {
          downloadKeyFile(data, formatDateTime(new Date().toISOString()));
          onHeld({ ...held, downloaded: true });
        }}
      >
        下载密钥文件
      </Button>
      {held.downloaded ? <Tag color="green">已下载</Tag> : null}
      <Button icon={<PrinterOutlined />} onClick={() => setOpen(true)}>
        打印记录单
      </Button>
      {held.printed ? <Tag color="green">已打印</Tag> : null}
      {open ? (
        <RecordSheetModal data={data} onPrinted={() => onHeld({ ...held, printed: true })} onClose={() => setOpen(false)} />
      ) : null}
    </Flex>
  );
}

function ObserverCommitCard({ draw, observer, held, onHeld }: ObserverCardProps) {
  const text = held?.text ?? '';
  const { secret, commitment } = commitmentFor(draw, observer.observerId, text);
  const mutation = useDrawMutation((value: string) => recordCommitment(draw.id, observer.observerId, value), {
    success: `已记录 ${observer.observerId} 的承诺值`,
  });
  const recorded = observer.commitment;
  const saved = isSaved(held);

  return (
    <ObserverCard observer={observer} done={recorded !== null} doneText="已记录承诺值" todoText="待记录承诺值">
      {recorded ? (
        <Flex vertical gap={8}>
          <div>
            承诺值：
            <HashText hash={recorded} label={`${observer.observerId} 承诺值`} />
          </div>
          <Typography.Text type="secondary">记录于 {formatDateTime(observer.committedAt)}</Typography.Text>
          <SaveSecret draw={draw} observer={observer} held={held} commitment={recorded} onHeld={onHeld} />
        </Flex>
      ) : draw.canManage ? (
        <Flex vertical gap={8}>
          <Space.Compact style={{ width: '100%' }}>
            <SecretInput
              value={text}
              onChange={(t) => onHeld(freshSecret(t))}
              placeholder="点击「生成密钥」，或由监督人自拟口令（不少于 16 字节）"
              label={`${observer.observerId} 密钥`}
            />
            <Button icon={<KeyOutlined />} onClick={() => onHeld(freshSecret(generateSecret()))}>
              生成密钥
            </Button>
          </Space.Compact>
          <SecretStatus secret={secret} />
          {commitment ? (
            <>
              <div>
                将提交的承诺值：
                <HashText hash={commitment} label={`${observer.observerId} 将提交的承诺值`} />
              </div>
              <Alert
                type={saved ? 'success' : 'warning'}
                showIcon
                title={saved ? '密钥已保存，可以记录承诺值' : '记录承诺值之前，请先保存密钥'}
                description="密钥只在本页面上，服务器不保存。揭示时监督人须原样输入它；没有它，监督人就无法揭示，本次抽取只能作废。请下载密钥文件交监督人保管，或打印记录单（带密钥二维码）由监督人签字保管。"
              />
              <SaveSecret draw={draw} observer={observer} held={held} commitment={commitment} onHeld={onHeld} />
            </>
          ) : null}
          <Flex gap={8} align="center" wrap>
            <Button
              type="primary"
              disabled={!commitment || !saved}
              loading={mutation.isPending}
              onClick={() => commitment && saved && mutation.mutate(commitment)}
            >
              记录承诺值
            </Button>
            {commitment && !saved ? <Typography.Text type="secondary">请先下载密钥文件或打印记录单</Typography.Text> : null}
          </Flex>
        </Flex>
      ) : (
        <Typography.Text type="secondary">等待工作人员记录承诺值。</Typography.Text>
      )}
    </ObserverCard>
  );
}

function ObserverRevealCard({ draw, observer, held, onHeld }: ObserverCardProps) {
  const [text, setText] = useState('');
  const { secret, commitment } = commitmentFor(draw, observer.observerId, text);
  const opens = commitment !== null && commitment === observer.commitment;
  const mutation = useDrawMutation((s: ObserverSecret) => recordReveal(draw.id, observer.observerId, toHex(s.bytes)), {
    success: `${observer.observerId} 已揭示密钥`,
  });
  const check =
    commitment === null ? null : opens ? (
      <Typography.Text type="success">
        <CheckCircleFilled /> 能打开承诺值
      </Typography.Text>
    ) : (
      <Typography.Text type="danger">
        <CloseCircleFilled /> 打不开承诺值，请核对记录单
      </Typography.Text>
    );
  return (
    <ObserverCard observer={observer} done={observer.revealed} doneText="已揭示" todoText="待揭示">
      {observer.revealed ? (
        <Typography.Text type="secondary">
          揭示于 {formatDateTime(observer.revealedAt)}，密钥已公开在门户时间线上。
        </Typography.Text>
      ) : draw.canManage ? (
        <Flex vertical gap={8}>
          {observer.commitment ? (
            <SaveSecret draw={draw} observer={observer} held={held} commitment={observer.commitment} onHeld={onHeld} />
          ) : null}
          <SecretInput
            value={text}
            onChange={setText}
            placeholder="输入或扫描记录单上的密钥"
            label={`${observer.observerId} 揭示密钥`}
          />
          <SecretStatus secret={secret} extra={check} />
          <div>
            <Button
              type="primary"
              disabled={!opens}
              loading={mutation.isPending}
              onClick={() => secret && mutation.mutate(secret)}
            >
              揭示
            </Button>
          </div>
        </Flex>
      ) : (
        <Typography.Text type="secondary">等待监督人揭示。</Typography.Text>
      )}
    </ObserverCard>
  );
}
