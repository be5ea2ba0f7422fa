import { describe, expect, it } from 'vitest';
import {
  CreateCheckItemRequest,
  PublicCheckItemParams,
  PublishCheckItemRequest,
  SaveCheckItemDraftRequest,
  WithdrawCheckItemRequest,
} from './check-items.ts';
import { hostileTextNotRefused, issueMessages } from './contract-test-helpers.ts';

const body = {
  code: ' xf-07 ',
  name: ' 高层建筑消防安全专项抽查 ',
  legalBasis: '《中华人民共和国消防法》第五十三条',
  content: '检查高层民用建筑消防安全管理情况',
  inspectingBody: '消防救援机构',
  objectType: '高层民用建筑',
  method: 'on_site',
  ratio: '',
  checklist: [{ code: ' A ', text: ' 消防控制室是否24小时有人值班 ', appliesTo: 'all' }],
};

const firstIssue = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => {
  const issue = result.error?.issues[0];
  return issue ? { path: issue.path, message: issue.message } : null;
};

describe('CreateCheckItemRequest', () => {
  it('upper-cases the code, trims every text and turns empty optional texts into null', () => {
    const parsed = CreateCheckItemRequest.parse(body);
    expect(parsed.code).toBe('XF-07');
    expect(parsed.ownerOrgId).toBeUndefined();
    expect(parsed.changeNote).toBeNull();
    expect(parsed.fields).toMatchObject({ name: '高层建筑消防安全专项抽查', subItem: null, ratio: null });
    expect(parsed.fields.checklist).toEqual([{ code: 'A', text: '消防控制室是否24小时有人值班', appliesTo: 'all', basis: null }]);
  });

  it('reports the domain problem at the field’s own path, so the server names the field', () => {
    expect(firstIssue(CreateCheckItemRequest.safeParse({ ...body, content: ' ' }))).toEqual({
      path: ['content'],
      message: '抽查内容：不能为空',
    });
    const lines = [...body.checklist, { code: 'A', text: '重复', appliesTo: 'key' }];
    expect(firstIssue(CreateCheckItemRequest.safeParse({ ...body, checklist: lines }))).toEqual({
      path: ['checklist', 1, 'code'],
      message: '检查表第 2 行编号：「A」与第 1 行重复',
    });
  });

  it('names the checklist row of a value of the wrong type', () => {
    const lines = [{ code: 'A', text: 7, appliesTo: 'all' }];
    expect(firstIssue(CreateCheckItemRequest.safeParse({ ...body, checklist: lines }))?.message).toBe(
      '检查表第 1 行检查内容：必须是文本',
    );
  });

  it('refuses a code that could not stand in a portal address', () => {
    expect(firstIssue(CreateCheckItemRequest.safeParse({ ...body, code: 'XF 07' }))?.message).toMatch(
      /^事项编码：只能包含大写字母/,
    );
  });
});

describe('SaveCheckItemDraftRequest', () => {
  it('keeps the change note and limits its length', () => {
    const { code: _code, ...fields } = body;
    expect(SaveCheckItemDraftRequest.parse({ ...fields, changeNote: ' 补充 ' }).changeNote).toBe('补充');
    expect(firstIssue(SaveCheckItemDraftRequest.safeParse({ ...fields, changeNote: '改'.repeat(501) }))?.message).toBe(
      '修改说明：最多 500 个字符',
    );
  });
});

describe('PublicCheckItemParams', () => {
  it('finds an item whatever the case of the code in the address', () => {
    expect(PublicCheckItemParams.parse({ code: 'xf-01' }).code).toBe('XF-01');
  });
});

describe('the text rule (decision 0015)', () => {
  it('refuses NUL, lone surrogates and control characters in every text of a check item, naming the field or row', () => {
    const { code: _code, ...fields } = body;
    const withNotes = { ...body, subItem: '分项', notes: '备注', changeNote: '首版', checklist: [{ ...body.checklist[0], basis: '第五条' }] };
    expect(hostileTextNotRefused(CreateCheckItemRequest, withNotes)).toEqual([]);
    expect(hostileTextNotRefused(SaveCheckItemDraftRequest, { ...fields, changeNote: '补充' })).toEqual([]);
    expect(hostileTextNotRefused(WithdrawCheckItemRequest, { reason: '已被新规定取代' })).toEqual([]);
    expect(hostileTextNotRefused(PublicCheckItemParams, { code: 'XF-01' })).toEqual([]);
  });

  it('refuses a draft time outside 1900–2099', () => {
    expect(issueMessages(PublishCheckItemRequest, { version: 1, updatedAt: '0000-01-01T00:00:00.000Z' })).toEqual([
      '草稿保存时间：应在 1900-01-01 至 2099-12-31 之间',
    ]);
  });
});
