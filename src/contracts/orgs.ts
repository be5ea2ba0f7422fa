import { z } from 'zod';
import { nameText, uuidParam } from './common.ts';

export type OrgView = {
  id: string;
  parentId: string | null;
  kind: 'corps' | 'detachment' | 'brigade';
  kindLabel: string;
  name: string;
  shortName: string;
  divisionCode: string;
  accountCount: number;
  unitCount: number;
  inspectorCount: number;
};

export type OrgTreeNode = OrgView & { children: OrgTreeNode[] };

const divisionCode = z
  .string({ error: '行政区划代码：必须填写' })
  .trim()
  .regex(/^[1-9][0-9]{5}$/, '行政区划代码：应为 6 位数字（GB/T 2260）');

export const CreateOrgRequest = z.object({
  parentId: uuidParam('上级机构'),
  kind: z.enum(['detachment', 'brigade'], { error: '机构类型：只能新建支队或大队' }),
  name: nameText('名称', 64),
  shortName: nameText('简称', 16),
  divisionCode,
});
export type CreateOrgRequest = z.infer<typeof CreateOrgRequest>;

export const UpdateOrgRequest = z
  .object({
    name: nameText('名称', 64).optional(),
    shortName: nameText('简称', 16).optional(),
    divisionCode: divisionCode.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), '请至少修改一项');
export type UpdateOrgRequest = z.infer<typeof UpdateOrgRequest>;

export type CollaborationZoneView = {
  id: string;
  detachmentId: string;
  detachmentName: string;
  name: string;
  brigades: { id: string; name: string }[];
};

export const SaveCollaborationZoneRequest = z.object({
  detachmentId: uuidParam('所属支队'),
  name: nameText('名称', 64),
  brigadeIds: z
    .array(uuidParam('成员大队'), { error: '成员大队：必须是列表' })
    .min(2, '成员大队：协作区至少包含 2 个大队')
    .max(100, '成员大队：最多 100 个'),
});
export type SaveCollaborationZoneRequest = z.infer<typeof SaveCollaborationZoneRequest>;
