import { SaveOutlined, SendOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { AnnualPlanView, MonthlyPlanSummary } from '@contracts/plans.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Tooltip } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { annualPlanQuery, generateMonthlyPlan, planKeys, publishAnnualPlan, updateAnnualPlan } from '../../api/plans.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryGate } from '../../components/query-gate.tsx';
import type { AnnualPlanFormValues } from './annual-plan-form.tsx';
import { AnnualCapacityCard } from './annual-capacity-card.tsx';
import { AnnualPlanForm } from './annual-plan-form.tsx';
import { useValidatedValues } from './form-helpers.ts';
import { MONTH_LABELS } from '../../shared/plans/labels.ts';
import { MonthsTable } from '../../shared/plans/months-table.tsx';
import { PlanFactsCard } from './plan-facts-card.tsx';
import { usePlanMutation } from './use-plan-mutation.ts';
import { ReasonModal } from '../components/reason-modal.tsx';
import { useConfirmAction } from '../../hooks/use-confirm-action.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/session-context.ts';

export default function AnnualPlanPage() {
  const { id = '' } = useParams();
  const query = useQuery(annualPlanQuery(id));
  return (
    <QueryGate query={query} notFound={{ title: '找不到该年度计划', backTo: '/admin/annual-plans', backText: '返回年度计划列表' }}>
      {(plan) => <AnnualPlanDetail key={`${plan.id}:${plan.status}:${plan.revision}:${plan.updatedAt}`} plan={plan} />}
    </QueryGate>
  );
}

function AnnualPlanDetail({ plan }: { plan: AnnualPlanView }) {
  const { canChange } = useSession();
  const canManage = canChange('plans.manage') && plan.canEdit;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AnnualPlanFormValues>();
  const [dirty, setDirty] = useState(false);
  const [askingReason, setAskingReason] = useState<AnnualPlanFormValues | null>(null);
  const [askingCapacityNote, setAskingCapacityNote] = useState<AnnualPlanFormValues | null>(null);
  const published = plan.status === 'published';

  const refresh = () => queryClient.invalidateQueries({ queryKey: planKeys.all });
  const save = (values: AnnualPlanFormValues, reason?: string) =>
    updateAnnualPlan(plan.id, { name: values.name.trim(), settings: values.settings, ...(reason ? { reason } : {}) });

  const saveMutation = usePlanMutation((values: AnnualPlanFormValues) => save(values), {
    success: '年度计划已保存',
    form,
    onSuccess: () => setDirty(false),
  });
  const publishMutation = usePlanMutation(
    async (values: AnnualPlanFormValues) => {
      if (dirty) await save(values);
      return publishAnnualPlan(plan.id);
    },
    { success: '年度计划已发布，已在门户公开', form },
  );
  const generateMutation = usePlanMutation((month: number) => generateMonthlyPlan(plan.id, month), {
    success: (monthly) => `${MONTH_LABELS[monthly.month - 1] ?? ''}月度计划已生成`,
    onSuccess: (monthly) => void navigate(`/admin/monthly-plans/${monthly.id}`),
  });

  const validated = useValidatedValues(form);
  const confirm = useConfirmAction();
  const onSave = async () => {
    const values = await validated();
    if (!values) return;
    if (published) setAskingReason(values);
    else saveMutation.mutate(values);
  };
  const onPublish = async () => {
    const values = await validated();
    if (!values) return;
    if ((plan.capacity?.shortfall ?? 0) > 0 && !dirty) {
      setAskingCapacityNote(values);
      return;
    }
    confirm({
      title: '发布年度计划？',
      content: '发布后计划规则将在门户向社会公开，并可据此生成月度计划；之后的修改须填写修订理由，作为修订一并公开。',
      okText: '发布',
      action: () => publishMutation.mutateAsync(values),
    });
  };
  const onGenerate = (month: number, existing: MonthlyPlanSummary | undefined) => {
    if (!existing) {
      generateMutation.mutate(month);
      return;
    }
    confirm({
      title: `重新生成${MONTH_LABELS[month - 1] ?? ''}月度计划？`,
      content: '将按最新的名录库、检查记录和年度计划重新计算本月草稿；人工调整的任务数及其理由保留。',
      okText: '重新生成',
      action: () => generateMutation.mutateAsync(month),
    });
  };

  const monthAction = (month: number, monthly: MonthlyPlanSummary | undefined) => {
    if (!canManage || monthly?.status === 'published') return null;
    // A month that has ended can be neither planned nor drawn.
    if (month < plan.firstOpenMonth) return null;
    const button = (
      <Button
        size="small"
        icon={<ThunderboltOutlined />}
        loading={generateMutation.isPending && generateMutation.variables === month}
        disabled={!published || generateMutation.isPending}
        aria-label={`生成${MONTH_LABELS[month - 1] ?? ''}月度计划`}
        onClick={() => onGenerate(month, monthly)}
      >
        {monthly ? '重新生成' : '生成'}
      </Button>
    );
    return published ? button : <Tooltip title="年度计划发布后才能生成月度计划">{button}</Tooltip>;
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={plan.name}
        description={<BackLink to="/admin/annual-plans">返回年度计划列表</BackLink>}
        extra={
          canManage ? (
            <>
              <Button icon={<SaveOutlined />} loading={saveMutation.isPending} disabled={published && !dirty} onClick={() => void onSave()}>
                {published ? '保存修订' : '保存草稿'}
              </Button>
              {published ? null : (
                <Button type="primary" icon={<SendOutlined />} loading={publishMutation.isPending} onClick={() => void onPublish()}>
                  发布
                </Button>
              )}
            </>
          ) : null
        }
      />
      <PlanFactsCard
        plan={plan}
        period={{ key: 'year', label: '年度', children: `${plan.year} 年` }}
        facts={[{ key: 'publishedAt', label: '发布时间', children: formatDateTime(plan.publishedAt) }]}
        xl={4}
      />
      {published && canManage ? (
        <Alert
          type="info"
          showIcon
          title="计划已发布"
          description="修改已发布的计划须填写修订理由；修订后的规则和理由将在门户公开，已发布的月度计划不受影响。"
        />
      ) : null}
      {dirty ? <Alert type="warning" showIcon title="有尚未保存的修改" /> : null}
      <AnnualPlanForm
        form={form}
        initialValues={{ name: plan.name, settings: plan.settings }}
        disabled={!canManage}
        onValuesChange={() => setDirty(true)}
      />
      <AnnualCapacityCard plan={plan} />
      <Card title={`${plan.year} 年月度计划`}>
        <MonthsTable
          monthlyPlans={plan.monthlyPlans}
          linkTo={(monthly) => `/admin/monthly-plans/${monthly.id}`}
          action={canManage ? monthAction : undefined}
        />
      </Card>

      {askingCapacityNote ? (
        <ReasonModal
          title="按超出检查能力的计划发布"
          name="annualCapacityNoteForm"
          label="超出检查能力的说明（如已报支队协调抽调人员）"
          okText="发布"
          successText="年度计划已发布，已在门户公开"
          submit={(capacityNote) => publishAnnualPlan(plan.id, { capacityNote })}
          onClose={() => setAskingCapacityNote(null)}
          onSaved={() => {
            setAskingCapacityNote(null);
            void refresh();
          }}
        >
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title="全年检查力量不足" description={plan.capacityShortfall} />
        </ReasonModal>
      ) : null}
      {askingReason ? (
        <ReasonModal
          title="保存修订"
          name="annualRevisionForm"
          label="修订理由（向社会公开）"
          okText="保存修订"
          successText="修订已保存并公开"
          submit={(reason) => save(askingReason, reason)}
          onClose={() => setAskingReason(null)}
          onSaved={() => {
            setAskingReason(null);
            setDirty(false);
            void refresh();
          }}
        />
      ) : null}
    </Flex>
  );
}
