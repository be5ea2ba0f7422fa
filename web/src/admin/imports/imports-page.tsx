import { Alert, Card, Flex, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { ImportWizard } from './import-wizard.tsx';
import { ReconciliationPanel } from './reconciliation-panel.tsx';
import { useOrgScope } from '../../hooks/use-org-scope.ts';
import { useSession } from '../../session/session-context.ts';

const TABS = ['units', 'inspectors', 'reconciliation'] as const;
type Tab = (typeof TABS)[number];

export default function ImportsPage() {
  const { session } = useSession();
  const scope = useOrgScope();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: Tab = (TABS as readonly (string | null)[]).includes(requested) ? (requested as Tab) : 'units';
  const brigades = scope.orgs.filter((org) => org.kind === 'brigade');

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="导入"
        description="先预览、后导入：上传后系统逐行校验并显示将新增、变更的内容，确认后在一个事务中写入；不合格的行列入可下载的报告。"
      />
      {session.readOnly ? <Alert type="warning" showIcon title="只读账号不能导入数据。" /> : null}
      <Card>
        <Tabs
          activeKey={tab}
          // One wizard at a time, so "选择文件" and the buttons are unique on the page.
          destroyOnHidden
          onChange={(key) => setSearchParams(key === 'units' ? {} : { tab: key }, { replace: true })}
          items={[
            {
              key: 'units',
              label: '检查对象导入',
              children: scope.loading ? null : <ImportWizard kind="units" owners={brigades} ownerMode="brigade" />,
            },
            {
              key: 'inspectors',
              label: '检查人员导入',
              children: scope.loading ? null : <ImportWizard kind="inspectors" owners={scope.orgs} ownerMode="org" />,
            },
            {
              key: 'reconciliation',
              label: '市场监管比对',
              children: scope.loading ? null : <ReconciliationPanel brigades={brigades} />,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
