import { CheckCircleFilled, CloseCircleFilled, KeyOutlined, PrinterOutlined } from '@ant-design/icons';
import type { DrawView } from '@contracts/draws.ts';
import { toHex } from '@domain/crypto/sha256.ts';
import { commitmentOf } from '@domain/draw/seed.ts';
import { Button, Card, Flex, Input, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { recordCommitment, recordReveal } from '../../api/draws.ts';
import { formatDateTime } from '../../lib/format.ts';
import { HashText } from '../../shared/draws/hash-text.tsx';
import { RecordSheetModal } from './record-sheet.tsx';
import type { ObserverSecret } from './secret.ts';
import { describeSecret, generateSecret, parseSecret } from './secret.ts';
import { StepPanel } from './step-panel.tsx';
import { useDrawMutation } from './use-draw-mutation.ts';

type Observer = DrawView['observers'][number];

/** A secret held by this page only (never sent): what was generated or typed, and whether its sheet was printed. */
export type HeldSecret = { text: string; printed: boolean };
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
      '承诺值在本浏览器中计算，密钥不会发送到服务器。记录后请打印记录单交监督人签字保管；揭示时监督人须原样输入密钥。密钥遗失则无法揭示，抽取只能作废。',
  },
  reveal: {
    title: '请各位监督人按记录单原样输入密钥。',
    description: '密钥须能打开此前记录的承诺值。全部揭示后才能录入外部随机数；开始录入后不再接受揭示。',
  },
} as const;

/**
 * 监督人承诺 and 揭示, one card per observer. Commit: the secret is generated here (crypto.getRandomValues) or typed by
 * the observer; the commitment is computed in this browser with the same code as the server and the verifier, and
 * only the commitment is sent; the secret stays on this page (and the printed record sheet) until the reveal.
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
 * 打印记录单 for a secret this page holds, with 已打印 once printed; nothing when the page does not hold a usable
 * secret that makes `commitment` (after a reload the secret is with the observer only).
 */
function PrintSheet({
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
  return (
    <Flex gap={8} align="center" wrap>
      <Button icon={<PrinterOutlined />} onClick={() => setOpen(true)}>
        打印记录单
      </Button>
      {held.printed ? (
        <Tag color="green">已打印</Tag>
      ) : observer.commitment ? (
        <Typography.Text type="warning">尚未打印记录单：密钥只保存在本页面，离开后无法找回。</Typography.Text>
      ) : null}
      {open ? (
        <RecordSheetModal
          data={{ draw, observer, commitment, text: held.text, secret }}
          onPrinted={() => onHeld({ text: held.text, printed: true })}
          onClose={() => setOpen(false)}
        />
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

  return (
    <ObserverCard observer={observer} done={recorded !== null} doneText="已记录承诺值" todoText="待记录承诺值">
      {recorded ? (
        <Flex vertical gap={8}>
          <div>
            承诺值：
            <HashText hash={recorded} label={`${observer.observerId} 承诺值`} />
          </div>
          <Typography.Text type="secondary">记录于 {formatDateTime(observer.committedAt)}</Typography.Text>
          <PrintSheet draw={draw} observer={observer} held={held} commitment={recorded} onHeld={onHeld} />
        </Flex>
      ) : draw.canManage ? (
        <Flex vertical gap={8}>
          <Space.Compact style={{ width: '100%' }}>
            <SecretInput
              value={text}
              onChange={(t) => onHeld({ text: t, printed: false })}
              placeholder="点击「生成密钥」，或由监督人自拟口令（不少于 16 字节）"
              label={`${observer.observerId} 密钥`}
            />
            <Button icon={<KeyOutlined />} onClick={() => onHeld({ text: generateSecret(), printed: false })}>
              生成密钥
            </Button>
          </Space.Compact>
          <SecretStatus secret={secret} />
          {commitment ? (
            <div>
              将提交的承诺值：
              <HashText hash={commitment} label={`${observer.observerId} 将提交的承诺值`} />
            </div>
          ) : null}
          <div>
            <Button
              type="primary"
              disabled={!commitment}
              loading={mutation.isPending}
              onClick={() => commitment && mutation.mutate(commitment)}
            >
              记录承诺值
            </Button>
          </div>
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
            <PrintSheet draw={draw} observer={observer} held={held} commitment={observer.commitment} onHeld={onHeld} />
          ) : null}
          <SecretInput
            value={text}
            onChange={setText}
            placeholder="输入记录单上的密钥"
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
