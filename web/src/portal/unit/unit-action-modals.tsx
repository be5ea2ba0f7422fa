import { RATING_LABELS, type UnitNoticeView, type UnitVisitView } from '@contracts/publication.ts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Radio, Rate, Typography } from 'antd';
import { complainAboutVisit, rateUnitVisit, requestUnitReinspection, unitPageKeys } from '../../api/unit-page.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';
import { formatLongDate } from '../../lib/format.ts';

function useRefreshMe() {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: unitPageKeys.me });
  return { refresh, refreshOnError: refresh };
}

/** 申请提前复查: the unit says the hazards are corrected; the brigade comes within 3 working days. */
export function EarlyReinspectionModal({ notice, onClose }: { notice: UnitNoticeView; onClose: () => void }) {
  const [form] = Form.useForm<{ note: string }>();
  const ask = useNotifiedMutation(
    (values: { note: string }) => requestUnitReinspection({ documentId: notice.id, note: values.note ?? '' }),
    { success: (r) => `已申请提前复查，大队将于${formatLongDate(r.dueDate)}前复查`, form, onSuccess: onClose },
    useRefreshMe(),
  );
  return (
    <FormModal title="申请提前复查" name="early-reinspection" form={form} submitting={ask.isPending} okText="提交申请" onSubmit={(v) => ask.mutate(v)} onClose={onClose}>
      <Typography.Paragraph>
        如已按《{notice.typeLabel}》（{notice.number}）全部改正，可申请提前复查。大队将在 3 个工作日内派员复查；复查发现未改正的，将依法处理。
      </Typography.Paragraph>
      <Form.Item label="整改情况说明（选填）" name="note">
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** 评价: 1–5 stars and a comment, once per visit. */
export function RatingModal({ visit, onClose }: { visit: UnitVisitView; onClose: () => void }) {
  const [form] = Form.useForm<{ score: number; comment: string }>();
  const score = Form.useWatch('score', form);
  const rate = useNotifiedMutation(
    (values: { score: number; comment: string }) => rateUnitVisit({ taskId: visit.taskId, score: values.score, comment: values.comment ?? '' }),
    { success: '感谢您的评价', form, onSuccess: onClose },
    useRefreshMe(),
  );
  return (
    <FormModal title={`评价 ${formatLongDate(visit.visitDate)} 的检查`} name="visit-rating" form={form} submitting={rate.isPending} okText="提交评价" onSubmit={(v) => rate.mutate(v)} onClose={onClose}>
      <Form.Item label="评分" name="score" rules={[{ required: true, message: '请选择 1–5 分' }]} extra={score ? `${score} 分 ${RATING_LABELS[score]}` : '1 分很不满意，5 分很满意'}>
        <Rate count={5} tooltips={[1, 2, 3, 4, 5].map((n) => `${n} 分 ${RATING_LABELS[n]}`)} aria-label="评分" />
      </Form.Item>
      <Form.Item label="评价内容（选填）" name="comment">
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** 投诉: about the 主办, the 协办 or the visit as a whole; goes to 纪检 above the brigade. */
export function ComplaintModal({ visit, onClose }: { visit: UnitVisitView; onClose: () => void }) {
  const [form] = Form.useForm<{ inspector: string; text: string; contact: string }>();
  const send = useNotifiedMutation(
    (values: { inspector: string; text: string; contact: string }) =>
      complainAboutVisit({ taskId: visit.taskId, inspector: values.inspector === 'visit' ? null : values.inspector, text: values.text, contact: values.contact ?? '' }),
    { success: '投诉已提交，上级纪检部门将依法处理', form, onSuccess: onClose },
    useRefreshMe(),
  );
  return (
    <FormModal
      title={`投诉 ${formatLongDate(visit.visitDate)} 的检查`}
      name="visit-complaint"
      form={form}
      initialValues={{ inspector: 'visit' }}
      submitting={send.isPending}
      okText="提交投诉"
      onSubmit={(v) => send.mutate(v)}
      onClose={onClose}
    >
      <Alert type="info" showIcon message="投诉将直接送达上级纪检部门，不经过实施检查的大队" style={{ marginBottom: 16 }} />
      <Form.Item label="投诉对象" name="inspector">
        <Radio.Group>
          {visit.inspectors.map((i) => (
            <Radio key={i.key} value={i.key} style={{ display: 'flex', marginBottom: 4 }}>
              {i.roleLabel} {i.name}
            </Radio>
          ))}
          <Radio value="visit" style={{ display: 'flex' }}>
            整次检查
          </Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item label="投诉内容" name="text" rules={[{ required: true, whitespace: true, message: '请填写投诉内容' }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item label="联系方式（选填）" name="contact" extra="便于纪检部门向您了解情况">
        <Input maxLength={60} autoComplete="tel" />
      </Form.Item>
    </FormModal>
  );
}
