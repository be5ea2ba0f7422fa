import type { FeasibilityProblemView } from '@contracts/plans.ts';
import { Alert, Flex } from 'antd';

/** Why a plan may not be carried out as computed (too few candidates, too few inspectors …), worst first. */
export function ProblemAlerts({ problems }: { problems: FeasibilityProblemView[] }) {
  if (!problems.length) return null;
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <Flex vertical gap={8}>
      {sorted.map((problem, i) => (
        <Alert key={`${problem.code}-${i}`} type={problem.severity} showIcon title={problem.message} />
      ))}
    </Flex>
  );
}
