import type { UnitDetail } from '@contracts/units.ts';
import { useQuery } from '@tanstack/react-query';
import type { DescriptionsProps } from 'antd';
import { Alert, Button, Card, Descriptions, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { unitDetailQuery } from '../../api/units.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryGate } from '../../components/query-gate.tsx';
import { DictionaryTag } from './dictionary-tag.tsx';
import { UnitFlagModal } from './unit-flag-modal.tsx';
import { UnitFormModal } from './unit-form-modal.tsx';
import { UnitHistory } from './unit-history.tsx';
import { UnitFollowUp } from '../cases/unit-follow-up.tsx';
import { UnitInspections, UnitTasks } from './unit-inspections.tsx';
import { UnitStatusModal } from './unit-status-modal.tsx';
import { CategoryTag, FlagTags, UnitStatusTags } from './unit-tags.tsx';
import { UnitTransferModal } from './unit-transfer-modal.tsx';
import { useDictionaries } from '../../hooks/use-dictionaries.ts';
import { useOrgScope } from '../../hooks/use-org-scope.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/session-context.ts';

type Dialog = 'edit' | 'status' | 'transfer' | 'flag';

const dash = (value: string | null | undefined) => value || '—';

export default function UnitDetailPage() {
  const { id = '' } = useParams();
  const query = useQuery(unitDetailQuery(id));
  return (
    <QueryGate
      query={query}
      notFound={{
        title: '找不到该单位',
        subTitle: '单位不存在，或不在您的管辖范围内。',
        backTo: '/admin/units',
        backText: '返回检查对象列表',
      }}
    >
      {(unit) => <UnitDetailView unit={unit} />}
    </QueryGate>
  );
}

function UnitDetailView({ unit }: { unit: UnitDetail }) {
  const { canChange } = useSession();
  const canManage = canChange('registry.manage');
  const dictionaries = useDictionaries();
  const scope = useOrgScope();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const otherBrigades = scope.brigades.filter((brigade) => brigade.id !== unit.brigadeId);

  // The modals refresh the unit's queries themselves.
  const close = () => setDialog(null);

  const basics: DescriptionsProps['items'] = [
    { key: 'name', label: '单位名称', children: unit.name, span: 2 },
    { key: 'uscc', label: '统一社会信用代码', children: <Typography.Text copyable>{unit.uscc}</Typography.Text> },
    { key: 'category', label: '单位类别', children: <CategoryTag unit={unit} /> },
    { key: 'flags', label: '场所属性', children: <FlagTags unit={unit} /> },
    { key: 'status', label: '状态', children: <UnitStatusTags unit={unit} /> },
    { key: 'statusEffectiveOn', label: '状态生效日期', children: dash(unit.statusEffectiveOn) },
    { key: 'statusReason', label: '状态变更原因', children: dash(unit.statusReason), span: 2 },
    { key: 'brigade', label: '所属大队', children: unit.brigadeName },
    { key: 'source', label: '数据来源', children: unit.sourceLabel },
  ];
  if (unit.flagged) {
    basics.push(
      { key: 'flaggedAt', label: '标记时间', children: formatDateTime(unit.flaggedAt) },
      { key: 'flagReason', label: '标记原因', children: dash(unit.flagReason), span: 2 },
    );
  }
  const address: DescriptionsProps['items'] = [
    { key: 'address', label: '实际经营地址', children: dash(unit.address), span: 3 },
    { key: 'registeredAddress', label: '住所（注册地址）', children: dash(unit.registeredAddress), span: 3 },
    {
      key: 'district',
      label: '行政区划',
      children: unit.districtCode ? `${unit.districtName ?? ''}（${unit.districtCode}）` : '—',
    },
    { key: 'street', label: '街道（乡镇）', children: dash(unit.street) },
    { key: 'community', label: '社区（村）', children: dash(unit.community) },
  ];
  const classification: DescriptionsProps['items'] = [
    { key: 'industry', label: '行业', children: dash(dictionaries.label('industry', unit.industry)) },
    {
      key: 'buildingScale',
      label: '建筑规模',
      children: dash(dictionaries.label('building_scale', unit.buildingScale)),
    },
    {
      key: 'riskLevel',
      label: '风险等级',
      children: <DictionaryTag dictionaries={dictionaries} kind="risk_level" code={unit.riskLevel} />,
    },
    {
      key: 'creditLevel',
      label: '信用等级',
      children: <DictionaryTag dictionaries={dictionaries} kind="credit_level" code={unit.creditLevel} />,
    },
    {
      key: 'tags',
      label: '标签',
      span: 2,
      children: unit.tags.length ? unit.tags.map((tag) => dictionaries.label('special_tag', tag)).join('、') : '—',
    },
  ];
  const people: DescriptionsProps['items'] = [
    { key: 'safetyOwner', label: '消防安全责任人', children: dash(unit.safetyOwner) },
    { key: 'safetyManager', label: '消防安全管理人', children: dash(unit.safetyManager) },
    { key: 'legalRepresentative', label: '法定代表人', children: dash(unit.legalRepresentative) },
    { key: 'contactName', label: '联系人', children: dash(unit.contactName) },
    { key: 'contactPhone', label: '联系电话', children: dash(unit.contactPhone) },
  ];
  const record: DescriptionsProps['items'] = [
    { key: 'createdAt', label: '创建时间', children: formatDateTime(unit.createdAt) },
    { key: 'updatedAt', label: '更新时间', children: formatDateTime(unit.updatedAt) },
  ];
  const column = { xs: 1, md: 2, xl: 3 };

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={unit.name}
        description={<BackLink to="/admin/units">返回检查对象列表</BackLink>}
        extra={
          canManage ? (
            <>
              <Button type="primary" onClick={() => setDialog('edit')}>
                编辑
              </Button>
              <Button onClick={() => setDialog('status')}>变更状态</Button>
              {otherBrigades.length ? <Button onClick={() => setDialog('transfer')}>转移大队</Button> : null}
              <Button danger={!unit.flagged} onClick={() => setDialog('flag')}>
                {unit.flagged ? '取消标记' : '标记待核实'}
              </Button>
            </>
          ) : null
        }
      />
      {unit.drawable ? (
        <Alert type="success" showIcon title="可被抽取" description="该单位符合条件，会进入随机抽取的检查对象范围。" />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={`不可抽取：${unit.undrawableReasonLabel ?? unit.undrawableReason ?? '不符合抽取条件'}`}
        />
      )}
      {unit.usccWarnings.length ? (
        <Alert
          type="warning"
          showIcon
          title="统一社会信用代码提示"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {unit.usccWarnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {unit.probableDuplicates.length ? (
        <Card title="疑似重复单位" size="small">
          <List
            size="small"
            dataSource={unit.probableDuplicates}
            renderItem={(duplicate) => (
              <List.Item key={duplicate.id}>
                <Flex vertical gap={2}>
                  <Link to={`/admin/units/${duplicate.id}`}>{duplicate.name}</Link>
                  <Typography.Text type="secondary">
                    {duplicate.uscc} · {duplicate.address ?? '无实际经营地址'}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Card title="基本信息">
        <Descriptions items={basics} column={column} />
      </Card>
      <Card title="地址与区划">
        <Descriptions items={address} column={column} />
      </Card>
      <Card title="分类与等级">
        <Descriptions items={classification} column={column} />
      </Card>
      <Card title="责任人与联系方式">
        <Descriptions items={people} column={column} />
      </Card>
      <Card title="记录">
        <Descriptions items={record} column={column} />
      </Card>
      <Card title="抽查任务">
        <UnitTasks tasks={unit.tasks} />
      </Card>
      <Card title="检查记录">
        <UnitInspections inspections={unit.inspections} />
      </Card>
      <Card title="隐患与执法文书">
        <UnitFollowUp unitId={unit.id} />
      </Card>
      <Card title="变更记录">
        <UnitHistory history={unit.history} dictionaries={dictionaries} />
      </Card>

      {dialog === 'edit' ? <UnitFormModal unit={unit} brigades={scope.brigades} onClose={close} onSaved={close} /> : null}
      {dialog === 'status' ? <UnitStatusModal unit={unit} onClose={close} onSaved={close} /> : null}
      {dialog === 'transfer' ? <UnitTransferModal unit={unit} brigades={scope.brigades} onClose={close} onSaved={close} /> : null}
      {dialog === 'flag' ? <UnitFlagModal unit={unit} onClose={close} onSaved={close} /> : null}
    </Flex>
  );
}
