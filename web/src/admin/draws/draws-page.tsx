import { useQuery } from '@tanstack/react-query';
import { Flex } from 'antd';
import { drawsQuery } from '../../api/draws.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { DrawsCard } from '../../shared/draws/draws-card.tsx';

/** /admin/draws: every draw in scope, newest first as the server lists them. */
export default function DrawsPage() {
  const list = useQuery(drawsQuery);
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="抽取记录"
        description="随机抽取从已发布的月度计划或专项检查发起（在计划页点「组织抽取」）。冻结后清单哈希即公开，结果由监督人密钥和外部随机数决定，任何人可复算。"
      />
      <DrawsCard list={list} linkTo={(d) => `/admin/draws/${d.id}`} emptyText="还没有随机抽取" />
    </Flex>
  );
}
