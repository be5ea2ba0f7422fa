import type { SelectProps } from 'antd';
import { Select, Typography } from 'antd';
import type { OrgOption as OrgEntry } from '../../lib/org-tree.ts';

type OrgOption = { value: string; label: string; depth: number; kindLabel: string };

type OrgSelectProps = Omit<SelectProps<string, OrgOption>, 'options' | 'showSearch' | 'optionRender'> & {
  /** From GET /api/accounts/options or the org tree (see orgOptionsFromTree). */
  orgs: OrgEntry[];
};

/** Picks one org, indented by depth and searchable by name. */
export function OrgSelect({ orgs, ...props }: OrgSelectProps) {
  return (
    <Select<string, OrgOption>
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      options={orgs.map((org) => ({ value: org.id, label: org.name, depth: org.depth, kindLabel: org.kindLabel }))}
      optionRender={({ data }) => (
        <span style={{ paddingInlineStart: data.depth * 16 }}>
          {data.label} <Typography.Text type="secondary">{data.kindLabel}</Typography.Text>
        </span>
      )}
    />
  );
}
