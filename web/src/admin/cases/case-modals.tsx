import { CLOSE_WITHOUT_PENALTY, CLOSE_WITHOUT_PENALTY_LABELS, PaymentRequest, REFERRAL_DEPARTMENT_LABELS, REFERRAL_DEPARTMENTS, ReferCaseRequest, ReferralReplyRequest, type CaseView, type ReferralDepartment, type ReferralView } from '@contracts/cases.ts';
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { closeCase, recordPayment, recordReferralReply, referCase } from '../../api/cases.ts';
import { revokePenalty } from '../../api/publications.ts';
import { RevokePenaltyRequest } from '@contracts/publication.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { optionalZodRule, zodRule } from '../../lib/form-rules.ts';
import { todayInChina } from '../../lib/today.ts';
import { useCaseMutation } from './use-case-mutation.ts';

/** The later of today (China) and `floor`: a default date the server will not find before the case's own dates. */
const dayOnOrAfter = (floor: string | null) => {
  const today = todayInChina();
  return dayjs(floor && floor > today ? floor : today);
};

type PaymentValues = { status: 'paid' | 'enforced'; paidOn: Dayjs; note: string };

export function PaymentModal({ c, onClose }: { c: CaseView; onClose: () => void }) {
  const [form] = Form.useForm<PaymentValues>();
  const mutation = useCaseMutation((v: PaymentValues) => recordPayment(c.id, { status: v.status, paidOn: v.paidOn.format('YYYY-MM-DD'), note: (v.note ?? '').trim() }), {
    success: '已登记',
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal<PaymentValues> title={`登记罚款缴纳：${c.number}`} name="payment" form={form} okText="登记" submitting={mutation.isPending} initialValues={{ status: 'paid', paidOn: dayOnOrAfter(c.decidedOn), note: '' }} onSubmit={(v) => mutation.mutate(v)} onClose={onClose}>
      <Form.Item label="缴纳情况" name="status" rules={[{ required: true }]}>
        <Radio.Group options={[{ value: 'paid', label: '已缴纳' }, { value: 'enforced', label: '已强制执行' }]} />
      </Form.Item>
      <Form.Item label="缴纳日期" name="paidOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker allowClear={false} />
      </Form.Item>
      <Form.Item label="说明" name="note" rules={[optionalZodRule(PaymentRequest.shape.note)]}>
        <Input.TextArea rows={2} maxLength={500} showCount placeholder="如：银行缴款回单号" />
      </Form.Item>
    </FormModal>
  );
}

type CloseValues = { withoutPenalty?: 'no_penalty' | 'withdrawn' | 'none'; note: string };

export function CloseCaseModal({ c, onClose }: { c: CaseView; onClose: () => void }) {
  const [form] = Form.useForm<CloseValues>();
  const mutation = useCaseMutation((v: CloseValues) => closeCase(c.id, { withoutPenalty: v.withoutPenalty && v.withoutPenalty !== 'none' ? v.withoutPenalty : null, note: (v.note ?? '').trim() }), {
    success: '已结案',
    form,
    onSuccess: onClose,
  });
  const open = c.status === 'open';
  return (
    <FormModal<CloseValues> title={`结案：${c.number}`} name="closeCase" form={form} okText="结案" submitting={mutation.isPending} initialValues={{ withoutPenalty: open ? 'no_penalty' : 'none', note: '' }} onSubmit={(v) => mutation.mutate(v)} onClose={onClose}>
      {open ? (
        <Form.Item label="结案方式" name="withoutPenalty" rules={[{ required: true }]}>
          <Radio.Group options={CLOSE_WITHOUT_PENALTY.map((value) => ({ value, label: CLOSE_WITHOUT_PENALTY_LABELS[value] }))} />
        </Form.Item>
      ) : null}
      <Form.Item label="结案说明" name="note" required={open} rules={[open ? { required: true, whitespace: true, message: '结案说明：不予处罚或撤销立案必须说明理由' } : {}]}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={open ? '如：违法行为轻微并及时改正，没有造成危害后果' : '如：罚款已缴纳，执行完毕'} />
      </Form.Item>
    </FormModal>
  );
}

type ReferValues = { department: ReferralDepartment; departmentName: string; reason: string; attachments?: string; contactName: string; contactPhone: string; sentOn: Dayjs };

export function ReferModal({ c, onClose }: { c: CaseView; onClose: () => void }) {
  const [form] = Form.useForm<ReferValues>();
  const mutation = useCaseMutation(
    (v: ReferValues) =>
      referCase(c.id, {
        department: v.department,
        departmentName: v.departmentName.trim(),
        reason: v.reason.trim(),
        attachments: (v.attachments ?? '').split(/[\n；;]/).map((s) => s.trim()).filter(Boolean),
        contactName: v.contactName.trim(),
        contactPhone: v.contactPhone.trim(),
        sentOn: v.sentOn.format('YYYY-MM-DD'),
      }),
    { success: '已移送，案件移送函已开具', form, onSuccess: onClose },
  );
  return (
    <FormModal<ReferValues> title={`移送：${c.number}`} name="refer" form={form} okText="移送" submitting={mutation.isPending} initialValues={{ department: 'market', departmentName: '', reason: '', attachments: '', contactName: '', contactPhone: '', sentOn: dayOnOrAfter(c.openedOn) }} onSubmit={(v) => mutation.mutate(v)} onClose={onClose}>
      <Form.Item label="部门类别" name="department" rules={[{ required: true }]}>
        <Select options={REFERRAL_DEPARTMENTS.map((value) => ({ value, label: REFERRAL_DEPARTMENT_LABELS[value] }))} />
      </Form.Item>
      <Form.Item label="接收部门" name="departmentName" required rules={[zodRule(ReferCaseRequest.shape.departmentName)]}>
        <Input maxLength={100} placeholder="如：金华市婺城区市场监督管理局" />
      </Form.Item>
      <Form.Item label="移送理由" name="reason" required rules={[zodRule(ReferCaseRequest.shape.reason)]}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      <Form.Item label="附件（每行一项）" name="attachments">
        <Input.TextArea rows={2} placeholder="如：现场检查记录复印件" />
      </Form.Item>
      <Form.Item label="联系人" name="contactName" required rules={[zodRule(ReferCaseRequest.shape.contactName)]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item label="联系电话" name="contactPhone" required rules={[zodRule(ReferCaseRequest.shape.contactPhone)]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item label="移送日期" name="sentOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker allowClear={false} />
      </Form.Item>
    </FormModal>
  );
}

type ReplyValues = { replyOn: Dayjs; replyText: string };

export function ReferralReplyModal({ referral, onClose }: { referral: ReferralView; onClose: () => void }) {
  const [form] = Form.useForm<ReplyValues>();
  const mutation = useCaseMutation((v: ReplyValues) => recordReferralReply(referral.id, { replyOn: v.replyOn.format('YYYY-MM-DD'), replyText: v.replyText.trim() }), {
    success: '已登记移送回复',
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal<ReplyValues> title={`登记回复：${referral.departmentName}`} name="referralReply" form={form} okText="登记" submitting={mutation.isPending} initialValues={{ replyOn: dayOnOrAfter(referral.sentOn), replyText: '' }} onSubmit={(v) => mutation.mutate(v)} onClose={onClose}>
      <Form.Item label="回复日期" name="replyOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker allowClear={false} />
      </Form.Item>
      <Form.Item label="回复内容" name="replyText" required rules={[zodRule(ReferralReplyRequest.shape.replyText)]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

type RevokeValues = { kind: 'revoked' | 'changed'; revokedOn: Dayjs; reason: string };

/** 撤销/变更处罚决定 (decision 0024): the published penalty then waits to be withdrawn within 3 working days. */
export function RevokeModal({ c, onClose }: { c: CaseView; onClose: () => void }) {
  const [form] = Form.useForm<RevokeValues>();
  const mutation = useCaseMutation((v: RevokeValues) => revokePenalty(c.id, { kind: v.kind, revokedOn: v.revokedOn.format('YYYY-MM-DD'), reason: v.reason.trim() }), {
    success: '已登记；已公示的处罚信息请在 3 个工作日内于“公示管理”中撤回',
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal<RevokeValues> title={`撤销或变更处罚决定：${c.number}`} name="revoke" form={form} okText="登记" submitting={mutation.isPending} initialValues={{ kind: 'revoked', revokedOn: dayOnOrAfter(c.decidedOn), reason: '' }} onSubmit={(v) => mutation.mutate(v)} onClose={onClose}>
      <Form.Item label="方式" name="kind" rules={[{ required: true }]}>
        <Radio.Group options={[{ value: 'revoked', label: '撤销' }, { value: 'changed', label: '变更' }]} />
      </Form.Item>
      <Form.Item label="撤销日期" name="revokedOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker allowClear={false} />
      </Form.Item>
      <Form.Item label="理由和依据" name="reason" required rules={[zodRule(RevokePenaltyRequest.shape.reason)]}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：某某人民政府行政复议决定书（某复决字〔2026〕第12号）撤销该处罚决定" />
      </Form.Item>
    </FormModal>
  );
}
