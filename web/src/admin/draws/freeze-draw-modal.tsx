import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { FreezeDrawRequest } from '@contracts/draws.ts';
import { Alert, AutoComplete, Button, Flex, Form, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { freezeDraw } from '../../api/draws.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { zodRule } from '../../lib/form-rules.ts';
import { EXTERNAL_SOURCE_OPTIONS, OBSERVER_CAPACITY_OPTIONS } from '../../shared/draws/labels.ts';
import { useDrawMutation } from './use-draw-mutation.ts';

type Pair = Record<string, string>;
type FreezeValues = { observers: { name: string; capacity: string }[]; external: { source: string; ref: string }[] };

const observerShape = FreezeDrawRequest.shape.observers.element.shape;
const externalShape = FreezeDrawRequest.shape.external.element.shape;

type PairField = {
  key: string;
  label: string;
  placeholder: string;
  rule: ReturnType<typeof zodRule>;
  options?: { value: string }[];
};

/** Rows of two text fields (监督人: 姓名 + 身份; 外部随机源: 来源 + 期号), at most `max` rows. */
function PairListInput({
  name,
  fields,
  max,
  min,
  addText,
  blank,
}: {
  name: string;
  fields: [PairField, PairField];
  max: number;
  min: number;
  addText: string;
  blank: Pair;
}) {
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <Flex vertical gap={8}>
          {rows.map((row, index) => (
            <Flex key={row.key} gap={8} align="flex-start">
              {fields.map((f) => (
                <Form.Item key={f.key} name={[row.name, f.key]} rules={[f.rule]} style={{ marginBottom: 0, flex: 1 }}>
                  <AutoComplete
                    aria-label={`${f.label}（第 ${index + 1} 行）`}
                    placeholder={f.placeholder}
                    options={f.options}
                    maxLength={40}
                  />
                </Form.Item>
              ))}
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`删除第 ${index + 1} 行`}
                disabled={rows.length <= min}
                onClick={() => remove(row.name)}
              />
            </Flex>
          ))}
          {rows.length < max ? (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(blank)}>
              {addText}
            </Button>
          ) : null}
        </Flex>
      )}
    </Form.List>
  );
}

/**
 * 组织抽取 from a published monthly plan or campaign: the observers at the draw table and the future public values
 * (tonight's lottery issue) are named, then the manifest is frozen and its hash published; the draw page follows.
 */
export function FreezeDrawModal({ source, onClose }: { source: FreezeDrawRequest['source']; onClose: () => void }) {
  const [form] = Form.useForm<FreezeValues>();
  const navigate = useNavigate();
  const mutation = useDrawMutation((values: FreezeValues) => freezeDraw({ source, ...values }), {
    success: (draw) => `已冻结抽取清单 ${draw.code}，清单哈希已公开`,
    form,
    onSuccess: (draw) => void navigate(`/admin/draws/${draw.id}`),
  });
  return (
    <FormModal<FreezeValues>
      title="组织随机抽取"
      name="freezeDraw"
      form={form}
      width={680}
      okText="冻结抽取清单"
      submitting={mutation.isPending}
      initialValues={{ observers: [{ name: '', capacity: '特邀廉政监督员' }], external: [{ source: '福彩3D', ref: '' }] }}
      onSubmit={(values) => mutation.mutate(values)}
      onClose={onClose}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="冻结意味着什么"
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            <li>
              按今天的名录库固定抽取清单：候选单位及权重、排除单位及原因、检查人员、回避关系、各分层名额、监督人和外部随机源。
            </li>
            <li>清单哈希立即在门户公开，此后清单不能修改，也不存在“重新抽取”；作废须说明理由并公开。</li>
            <li>随后监督人提交承诺值并揭示密钥；指定期号开奖后，由两名工作人员分别录入开奖号码，一致后执行抽取。</li>
            <li>抽取结果完全由这些公开输入决定，任何人都可以下载结果包复算验证。</li>
          </ul>
        }
      />
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        监督人（0–9 名）
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        在场监督抽取的人员，各自生成或输入一个密钥；姓名只在后台记录单上出现，门户只公开编号和承诺值。
      </Typography.Paragraph>
      <PairListInput
        name="observers"
        min={0}
        max={9}
        addText="添加监督人"
        blank={{ name: '', capacity: '' }}
        fields={[
          { key: 'name', label: '监督人姓名', placeholder: '姓名', rule: zodRule(observerShape.name) },
          {
            key: 'capacity',
            label: '监督人身份',
            placeholder: '身份，如 特邀廉政监督员',
            rule: zodRule(observerShape.capacity),
            options: OBSERVER_CAPACITY_OPTIONS,
          },
        ]}
      />
      <Typography.Title level={5}>外部随机源（1–3 个）</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        填写今晚才开奖的期号（以官方开奖公告为准）：冻结时谁都不知道它的号码。
      </Typography.Paragraph>
      <PairListInput
        name="external"
        min={1}
        max={3}
        addText="添加外部随机源"
        blank={{ source: '福彩3D', ref: '' }}
        fields={[
          {
            key: 'source',
            label: '外部随机源',
            placeholder: '来源，如 福彩3D',
            rule: zodRule(externalShape.source),
            options: EXTERNAL_SOURCE_OPTIONS,
          },
          { key: 'ref', label: '期号', placeholder: '期号，如 2026015', rule: zodRule(externalShape.ref) },
        ]}
      />
    </FormModal>
  );
}
