import type { UnitListItem } from '@contracts/units.ts';
import { Flex, Tag, Tooltip } from 'antd';
import { colorOf, UNIT_CATEGORY_COLORS, UNIT_FLAG_LABELS, UNIT_STATUS_COLORS, type UnitFlag } from '../../lib/registry-labels.ts';

export function CategoryTag({ unit }: { unit: Pick<UnitListItem, 'category' | 'categoryLabel'> }) {
  return <Tag color={colorOf(UNIT_CATEGORY_COLORS, unit.category)}>{unit.categoryLabel}</Tag>;
}

const FLAG_COLORS: Record<UnitFlag, string> = { isCrowded: 'magenta', isFlammable: 'red', isHighRise: 'geekblue' };

/** 人员密集场所 / 易燃易爆场所 / 高层建筑 tags; a dash when none applies. */
export function FlagTags({ unit }: { unit: Pick<UnitListItem, UnitFlag> }) {
  const flags = (Object.keys(UNIT_FLAG_LABELS) as UnitFlag[]).filter((flag) => unit[flag]);
  if (!flags.length) return <>—</>;
  return (
    <Flex gap={4} wrap>
      {flags.map((flag) => (
        <Tag key={flag} color={FLAG_COLORS[flag]}>
          {UNIT_FLAG_LABELS[flag]}
        </Tag>
      ))}
    </Flex>
  );
}

/** The status tag, plus 待核实 (with the reason on hover) when the unit is flagged for review. */
export function UnitStatusTags({ unit }: { unit: Pick<UnitListItem, 'status' | 'statusLabel' | 'flagged' | 'flagReason'> }) {
  return (
    <Flex gap={4} wrap>
      <Tag color={colorOf(UNIT_STATUS_COLORS, unit.status)}>{unit.statusLabel}</Tag>
      {unit.flagged ? (
        <Tooltip title={unit.flagReason ? `标记原因：${unit.flagReason}` : '疑似僵尸单位，待核实'}>
          <Tag color="warning">待核实</Tag>
        </Tooltip>
      ) : null}
    </Flex>
  );
}
