import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { issueMessages, sweepContracts } from './contract-test-helpers.ts';
import { CreateOrgRequest, SaveCollaborationZoneRequest, UpdateOrgRequest } from './orgs.ts';

const ID = '0b7f3c9e-5d1a-4c2b-9e8f-123456789abc';
const ID2 = '1c8f4d0f-6e2b-4d3c-8f90-23456789abcd';

const VALID: [string, z.ZodType, unknown][] = [
  [
    'CreateOrgRequest',
    CreateOrgRequest,
    { parentId: ID, kind: 'brigade', name: '金华市婺城区消防救援大队', shortName: '婺城大队', divisionCode: '330702' },
  ],
  ['UpdateOrgRequest', UpdateOrgRequest, { name: '金华市婺城区消防救援大队', shortName: '婺城大队', divisionCode: '330702' }],
  ['SaveCollaborationZoneRequest', SaveCollaborationZoneRequest, { detachmentId: ID, name: '金东协作区', brigadeIds: [ID, ID2] }],
];

describe('org contracts', () => {
  sweepContracts(VALID);

  it('states the size limit of a zone', () => {
    const brigadeIds = Array.from({ length: 101 }, () => ID);
    expect(issueMessages(SaveCollaborationZoneRequest, { detachmentId: ID, name: '协作区', brigadeIds })).toEqual([
      '成员大队：最多 100 个',
    ]);
    expect(issueMessages(UpdateOrgRequest, {})).toEqual(['请至少修改一项']);
  });
});
