import { ReplaceInspectorRequest, ReplaceUnitRequest } from '@contracts/draws.ts';
import type { TaskView } from '@contracts/draws.ts';
import { Alert, Form, Input, Select } from 'antd';
import { replaceTaskInspector, replaceTaskUnit } from '../../api/draws.ts';
import { EvidenceFilesInput } from '../../components/evidence-files-input.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { useState } from 'react';
import { zodRule } from '../../lib/form-rules.ts';
import { useDrawMutation } from './use-draw-mutation.ts';

type ReplaceValues = { inspectorId?: string; reason: string; evidence: string };

/**
 * 递补 of a task: 'inspector' — the chosen 主办 or 协办 is replaced by the next eligible person of the published 递补
 * order; 'unit' — the unit (closed, gone) is replaced by the next alternate of its stratum. Reason and evidence are
 * required and published as a change since the draw.
 */
export function ReplaceTaskModal({ task, kind, onClose }: { task: TaskView; kind: 'inspector' | 'unit'; onClose: () => void }) {
  const [form] = Form.useForm<ReplaceValues>();
  const [evidenceFiles, setEvidenceFiles] = useState<string[]>([]);
  const mutation = useDrawMutation(
    (v: ReplaceValues): Promise<unknown> =>
      kind === 'inspector'
        ? replaceTaskInspector(task.id, {
            inspectorId: v.inspectorId ?? '',
            reason: v.reason.trim(),
            evidence: v.evidence.trim(),
            evidenceFiles,
          })
        : replaceTaskUnit(task.id, { reason: v.reason.trim(), evidence: v.evidence.trim(), evidenceFiles }),
    { success: kind === 'inspector' ? '已按递补顺序替换检查人员' : '已按备选顺序递补检查对象', form, onSuccess: onClose },
  );
  const people = [
    ...task.leads.map((p) => ({ value: p.id, label: `主办：${p.name}` })),
    ...task.assistants.map((p) => ({ value: p.id, label: `协办：${p.name}` })),
  ];
  return (
    <FormModal<ReplaceValues>
      title={kind === 'inspector' ? `递补检查人员：${task.unitName}` : `递补检查对象：${task.unitName}`}
      name={kind === 'inspector' ? 'replaceInspector' : 'replaceUnit'}
      form={form}
      okText="递补"
      submitting={mutation.isPending}
      initialValues={{ reason: '', evidence: '' }}
      onSubmit={(values) => mutation.mutate(values)}
      onClose={onClose}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          kind === 'inspector'
            ? '由该角色公布的递补顺序中下一位符合条件的人员接替（在岗、证件有效、无回避）。'
            : '该单位的任务标为“已递补”，由同一分层备选顺序中的下一家单位接替。'
        }
        description="递补作为抽取后的变更在门户公开：检查对象递补公开理由，检查人员递补不公开具体理由；证明材料和上传的文件只在后台留存备查。"
      />
      {kind === 'inspector' ? (
        <Form.Item label="被替换的检查人员" name="inspectorId" rules={[{ required: true, message: '请选择被替换的检查人员' }]}>
          <Select options={people} placeholder="选择主办或协办" />
        </Form.Item>
      ) : null}
      <Form.Item label="递补理由" name="reason" required rules={[zodRule(ReplaceUnitRequest.shape.reason)]}>
        <Input.TextArea
          rows={2}
          maxLength={500}
          showCount
          placeholder={kind === 'inspector' ? '如：病假' : '如：现场核实已停业'}
        />
      </Form.Item>
      <Form.Item label="证明材料" name="evidence" required rules={[zodRule(ReplaceInspectorRequest.shape.evidence)]}>
        <Input.TextArea rows={2} maxLength={500} showCount placeholder="如：医院证明、现场照片 3 张（说明所附文件）" />
      </Form.Item>
      <Form.Item label="证明文件" extra="照片（JPEG、PNG、WebP）或 PDF，每个不超过 15 MB；按文件内容的哈希保存，门户不公开。">
        <EvidenceFilesInput onChange={setEvidenceFiles} />
      </Form.Item>
    </FormModal>
  );
}
