import { ThunderboltOutlined } from '@ant-design/icons';
import type { DrawView } from '@contracts/draws.ts';
import type { StepsProps } from 'antd';
import { Alert, Button, Card, Flex, Input, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { executeDraw, recordExternalValue } from '../../api/draws.ts';
import { useConfirmAction } from '../../hooks/use-confirm-action.ts';
import { externalRefLabel } from '../../shared/draws/labels.ts';
import type { HeldSecrets, HeldSecret } from './observer-panels.tsx';
import { ObserversPanel } from './observer-panels.tsx';
import { StepPanel } from './step-panel.tsx';
import { useDrawMutation } from './use-draw-mutation.ts';

/** 0 冻结 · 1 监督人承诺 · 2 揭示 · 3 外部随机数 · 4 执行 · 5 all done: as the server's nextStep, and for a voided draw where it stopped. */
function stepIndexOf(draw: DrawView): number {
  if (draw.resultHash) return 5;
  if (draw.observers.some((o) => !o.commitment)) return 1;
  if (draw.observers.some((o) => !o.revealed)) return 2;
  if (draw.external.some((e) => !e.confirmed)) return 3;
  return 4;
}

const count = (n: number, of: number, what: string) => (of === 0 ? '无监督人' : `${n}/${of} ${what}`);

/** The draw table's steps (antd Steps) and the panel of the step the draw is at. */
export function DrawSteps({
  draw,
  held,
  onHeld,
}: {
  draw: DrawView;
  held: HeldSecrets;
  onHeld: (observerId: string, secret: HeldSecret) => void;
}) {
  const current = stepIndexOf(draw);
  const observers = draw.observers.length;
  const items: StepsProps['items'] = [
    { title: '冻结清单', content: '清单哈希已公开' },
    { title: '监督人承诺', content: count(draw.observers.filter((o) => o.commitment).length, observers, '已提交') },
    { title: '揭示密钥', content: count(draw.observers.filter((o) => o.revealed).length, observers, '已揭示') },
    { title: '外部随机数', content: `${draw.external.filter((e) => e.confirmed).length}/${draw.external.length} 已确认` },
    { title: '执行抽取', content: draw.resultHash ? '已执行' : '待执行' },
  ];
  const panel =
    draw.status !== 'frozen' ? null : current === 1 ? (
      <ObserversPanel step="commit" draw={draw} held={held} onHeld={onHeld} />
    ) : current === 2 ? (
      <ObserversPanel step="reveal" draw={draw} held={held} onHeld={onHeld} />
    ) : current === 3 ? (
      <ExternalPanel draw={draw} />
    ) : current === 4 ? (
      <ExecutePanel draw={draw} />
    ) : null;
  return (
    <Card title="抽取流程">
      <Steps
        current={current}
        status={draw.status === 'voided' && current < 5 ? 'error' : current === 5 ? 'finish' : 'process'}
        items={items}
        responsive
        style={{ marginBottom: panel ? 20 : 0 }}
      />
      {panel}
    </Card>
  );
}

/** 外部随机数: each value is entered by two different accounts and the entries must agree. */
function ExternalPanel({ draw }: { draw: DrawView }) {
  return (
    <StepPanel
      title="开奖号码公布后，须由两名不同的工作人员各用自己的账号录入，两人录入一致才确认。"
      description="确认之前任何人都看不到已录入的号码，请各自对照官方开奖公告录入；号码之间的空格按规则统一（如「5 0 8」）。两人录入不一致时两次录入都会记录但均不确认：请再次核对公告，录错的一方重新录入正确号码。"
    >
      {draw.external.map((e) => (
        <ExternalEntryCard key={`${e.source}/${e.ref}`} draw={draw} entry={e} />
      ))}
    </StepPanel>
  );
}

function ExternalEntryCard({ draw, entry }: { draw: DrawView; entry: DrawView['external'][number] }) {
  const [value, setValue] = useState('');
  const mutation = useDrawMutation(
    (v: string) => recordExternalValue(draw.id, { source: entry.source, ref: entry.ref, value: v }),
    {
      success: (d) =>
        d.external.find((x) => x.source === entry.source && x.ref === entry.ref)?.confirmed
          ? '两次录入一致，已确认'
          : '已录入，等待另一名工作人员复核录入',
      onSuccess: () => setValue(''),
    },
  );
  // Two or more entries and no agreement: someone mistyped, and whoever did may enter again.
  const disagreed = !entry.confirmed && entry.entries >= 2;
  const state = entry.confirmed ? (
    <Tag color="green">已确认</Tag>
  ) : disagreed ? (
    <Tag color="red">录入不一致 · 待更正</Tag>
  ) : entry.entries === 1 ? (
    <Tag color="orange">已录入 1 次 · 待复核录入</Tag>
  ) : (
    <Tag>尚未录入</Tag>
  );
  const submit = () => {
    if (value.trim() && !mutation.isPending) mutation.mutate(value);
  };
  return (
    <Card
      type="inner"
      size="small"
      title={externalRefLabel(entry)}
      extra={
        <Space size={4}>
          {entry.enteredByMe ? <Tag color="blue">已由您录入</Tag> : null}
          {state}
        </Space>
      }
    >
      {entry.confirmed ? (
        <div>
          开奖号码：
          <Typography.Text strong className="hash-text" style={{ fontSize: 18 }}>
            {entry.value}
          </Typography.Text>
        </div>
      ) : entry.enteredByMe && !disagreed ? (
        <Typography.Text type="secondary">您已录入过一次；复核录入须由另一名工作人员用自己的账号进行。</Typography.Text>
      ) : draw.canManage ? (
        <Flex vertical gap={8}>
          {disagreed ? (
            <Typography.Text type="danger">
              已有录入与他人不一致。请核对官方开奖公告；如您录错了，请重新录入正确号码。
            </Typography.Text>
          ) : null}
          <Space.Compact style={{ maxWidth: 420, width: '100%' }}>
            <Input
              value={value}
              onChange={(e) => setValue(e.target.value)}
              placeholder="如 5 0 8"
              aria-label={`${externalRefLabel(entry)} 开奖号码`}
              maxLength={100}
              autoComplete="off"
              onPressEnter={submit}
            />
            <Button type="primary" disabled={!value.trim()} loading={mutation.isPending} onClick={submit}>
              录入
            </Button>
          </Space.Compact>
        </Flex>
      ) : (
        <Typography.Text type="secondary">等待工作人员录入。</Typography.Text>
      )}
    </Card>
  );
}

/** 执行: one confirmation, then the seed, the result and the tasks are created at once; there is no re-draw. */
function ExecutePanel({ draw }: { draw: DrawView }) {
  const confirm = useConfirmAction();
  const mutation = useDrawMutation(() => executeDraw(draw.id), {
    success: (d) => `抽取已执行，生成 ${d.tasks.length} 项抽查任务`,
  });
  return (
    <Flex vertical gap={12} align="flex-start">
      <Alert
        type="success"
        showIcon
        style={{ alignSelf: 'stretch' }}
        title="输入已齐备：清单、监督人密钥和外部随机数都已公开。"
        description="执行后立即计算种子和抽取结果，创建全部抽查任务并在门户公开结果包。结果由公开输入唯一确定，不能重新抽取。"
      />
      {draw.canManage ? (
        <Button
          type="primary"
          size="large"
          icon={<ThunderboltOutlined />}
          loading={mutation.isPending}
          onClick={() =>
            confirm({
              title: '执行抽取？',
              content: '执行后结果立即公开，任务随即下达；不存在重新抽取。',
              okText: '执行抽取',
              action: () => mutation.mutateAsync(),
            })
          }
        >
          执行抽取
        </Button>
      ) : null}
    </Flex>
  );
}
