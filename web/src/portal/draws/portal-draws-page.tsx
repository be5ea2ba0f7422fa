import { useQuery } from '@tanstack/react-query';
import { Flex } from 'antd';
import { Link } from 'react-router';
import { publicDrawsQuery } from '../../api/draws.ts';
import { DrawsCard } from '../../shared/draws/draws-card.tsx';
import { PortalIntro } from '../layout/portal-intro.tsx';
import { PublicLayout } from '../layout/public-layout.tsx';

/** /portal/draws: every draw from its freeze on, with its manifest hash. */
export default function PortalDrawsPage() {
  const list = useQuery(publicDrawsQuery);
  return (
    <PublicLayout title="随机抽取结果">
      <Flex vertical gap={16}>
        <PortalIntro title="随机抽取结果公示">
          每次随机抽取在开始前冻结抽取清单并公开其哈希值；结果由监督人现场提交的密钥和事先指定的彩票开奖号码共同决定，抽取后公开全部输入和结果。任何人都可以下载结果包，在浏览器中或用其他程序重新计算核对。
          计算方法全部公开：<Link to="/portal/algorithm">查看抽取算法</Link>。
        </PortalIntro>
        <DrawsCard list={list} linkTo={(d) => `/portal/draws/${d.code}`} emptyText="暂无随机抽取" />
      </Flex>
    </PublicLayout>
  );
}
