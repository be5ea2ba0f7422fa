import type { CampaignRequest, CampaignView } from '@contracts/plans.ts';
import { CampaignRequest as CampaignSchema } from '@contracts/plans.ts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Col, DatePicker, Divider, Form, Input, InputNumber, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { createCampaign, planKeys, updateCampaign } from '../../api/plans.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';
import { optionalZodRule, zodRule } from '../../lib/form-rules.ts';
import { OrgSelect } from '../components/org-select.tsx';
import { CheckItemCodesSelect } from './check-item-codes-select.tsx';
import { EMPTY_FILTER } from '../../shared/plans/labels.ts';
import { StratumFilterFields } from './stratum-filter-fields.tsx';
import { useDefaultOrg } from './use-default-org.ts';

type CampaignValues = Omit<CampaignRequest, 'startsOn' | 'endsOn'> & { period: [Dayjs, Dayjs] | null };

/** 新建 / 编辑专项检查: its own scope, quota and period; a frequency override needs a published reason. */
export function CampaignFormModal({
  campaign,
  onClose,
  onSaved,
}: {
  campaign?: CampaignView;
  onClose: () => void;
  onSaved: (campaign: CampaignView) => void;
}) {
  const [form] = Form.useForm<CampaignValues>();
  const queryClient = useQueryClient();
  const scope = useDefaultOrg(form);
  const override = Form.useWatch('frequencyOverrideReason', form) as string | undefined;

  const mutation = useNotifiedMutation(
    ({ period, ...values }: CampaignValues) => {
      const body: CampaignRequest = {
        ...values,
        name: values.name.trim(),
        description: (values.description ?? '').trim(),
        frequencyOverrideReason: (values.frequencyOverrideReason ?? '').trim(),
        startsOn: period?.[0].format('YYYY-MM-DD') ?? '',
        endsOn: period?.[1].format('YYYY-MM-DD') ?? '',
      };
      return campaign ? updateCampaign(campaign.id, body) : createCampaign(body);
    },
    { success: campaign ? '专项检查已保存' : '专项检查已创建', form, onSuccess: onSaved },
    { refresh: () => void queryClient.invalidateQueries({ queryKey: planKeys.campaigns }) },
  );

  const initialValues: Partial<CampaignValues> = campaign
    ? {
        orgId: campaign.orgId,
        name: campaign.name,
        description: campaign.description ?? '',
        period: [dayjs(campaign.startsOn), dayjs(campaign.endsOn)],
        filter: campaign.filter,
        quota: campaign.quota,
        alternatesPercent: campaign.alternatesPercent,
        checkItemCodes: campaign.checkItemCodes,
        frequencyOverrideReason: campaign.frequencyOverrideReason,
      }
    : {
        description: '',
        filter: EMPTY_FILTER,
        alternatesPercent: 20,
        checkItemCodes: ['XF-01'],
        frequencyOverrideReason: '',
        period: null,
      };

  return (
    <FormModal<CampaignValues>
      title={campaign ? `编辑专项检查：${campaign.name}` : '新建专项检查'}
      name="campaignForm"
      form={form}
      width={720}
      initialValues={initialValues}
      submitting={mutation.isPending}
      onSubmit={(values) => mutation.mutate(values)}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="制定单位" name="orgId" rules={[{ required: true, message: '请选择制定单位' }]}>
            <OrgSelect orgs={scope.orgs} loading={scope.loading} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="检查期间" name="period" rules={[{ required: true, message: '请选择开始和结束日期' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="专项检查名称" name="name" required rules={[zodRule(CampaignSchema.shape.name)]}>
        <Input maxLength={100} placeholder="如：春节期间人员密集场所消防安全专项检查" />
      </Form.Item>
      <Form.Item label="说明" name="description" rules={[optionalZodRule(CampaignSchema.shape.description)]}>
        <Input.TextArea rows={2} maxLength={2000} showCount />
      </Form.Item>
      <Divider titlePlacement="start">检查范围</Divider>
      <StratumFilterFields prefix={['filter']} />
      <Divider titlePlacement="start">数量与事项</Divider>
      <Row gutter={16}>
        <Col xs={12}>
          <Form.Item label="抽查数量" name="quota" required rules={[zodRule(CampaignSchema.shape.quota, null)]}>
            <InputNumber min={1} max={100000} precision={0} suffix="家" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item label="备选单位比例" name="alternatesPercent" required rules={[zodRule(CampaignSchema.shape.alternatesPercent, null)]}>
            <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="抽查事项" name="checkItemCodes">
        <CheckItemCodesSelect />
      </Form.Item>
      <Form.Item
        label="不受频次限制的理由"
        name="frequencyOverrideReason"
        rules={[optionalZodRule(CampaignSchema.shape.frequencyOverrideReason)]}
        extra="留空则适用年度计划的频次规则（每年最多次数、最短间隔）。"
      >
        <Input.TextArea rows={2} maxLength={500} showCount placeholder="如：火灾事故后对同类场所开展全覆盖检查" />
      </Form.Item>
      {override?.trim() ? (
        <Alert
          type="warning"
          showIcon
          title="本专项检查将不受频次规则限制"
          description="近期已检查过的单位也可能被再次抽中。理由将随专项检查向社会公开，请确有必要时使用。"
        />
      ) : null}
    </FormModal>
  );
}
