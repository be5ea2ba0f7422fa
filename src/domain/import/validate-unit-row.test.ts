import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { regionPrefixesOf } from '../registry/divisions.ts';
import { computeOrgCodeCheckChar, computeUsccCheckChar } from '../uscc.ts';
import { decodeText } from './decode-text.ts';
import { parseCsv } from './parse-csv.ts';
import { applyColumnMapping, recognizeHeaders } from './recognize-headers.ts';
import { diffUnitRow, findDuplicateRows, validateUnitRow, type UnitImportRow } from './validate-unit-row.ts';

/** A valid credit code for a 金华 enterprise with the given 8-character organisation-code body. */
function uscc(body: string): string {
  const first17 = `91330702${body}${computeOrgCodeCheckChar(body)}`;
  return first17 + computeUsccCheckChar(first17);
}
const CODE_A = uscc('MA2E0001');
const CODE_B = uscc('MA2E0002');

const row = {
  name: '金华市婺城区好运来超市',
  uscc: CODE_A,
  address: '金华市婺城区人民路88号',
  districtCode: '330702',
};

function valueOf(raw: Record<string, string>, rowNumber = 2): UnitImportRow {
  const result = validateUnitRow(raw, rowNumber);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

describe('validateUnitRow', () => {
  it('accepts a complete row and normalises it', () => {
    const result = validateUnitRow(
      {
        ...row,
        name: '  金华市婺城区好运来超市\n',
        contactPhone: '138 1234 5678 / (0579)82345678',
        category: '九小场所',
        isCrowded: '是',
        isHighRise: '否',
        status: '存续（在营、开业、在册）',
        tags: '电动自行车集中停放场所、 高层建筑,电动自行车集中停放场所',
      },
      2,
    );
    expect(result).toEqual({
      ok: true,
      warnings: [],
      value: {
        name: '金华市婺城区好运来超市',
        uscc: CODE_A,
        registeredAddress: null,
        address: '金华市婺城区人民路88号',
        districtCode: '330702',
        street: null,
        contactName: null,
        contactPhone: '13812345678、0579-82345678',
        safetyOwner: null,
        safetyManager: null,
        category: 'small_venue',
        industry: null,
        riskLevel: null,
        creditLevel: null,
        buildingScale: null,
        tags: ['电动自行车集中停放场所', '高层建筑'],
        isCrowded: true,
        isFlammable: null,
        isHighRise: false,
        status: 'active',
      },
    });
  });

  it('names the row and the field when the credit code check character is wrong', () => {
    const result = validateUnitRow({ ...row, uscc: '91350203M0001QAY9B' }, 12);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ row: 12, field: 'uscc' });
    expect(result.errors[0]?.message).toMatch(/^第 12 行「统一社会信用代码」：校验位错误：第 18 位应为「.」，实际为「B」$/);
  });

  it('requires a name and a credit code', () => {
    const result = validateUnitRow({ address: '人民路1号' }, 5);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.message)).toEqual([
      '第 5 行「单位名称」：不能为空',
      '第 5 行「统一社会信用代码」：不能为空',
    ]);
  });

  it('only warns when the embedded organisation code check fails', () => {
    const first17 = '91330702MA2E00010';
    const code = first17 + computeUsccCheckChar(first17);
    const result = validateUnitRow({ ...row, uscc: code }, 3);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^第 3 行「统一社会信用代码」：内含组织机构代码校验位不符/),
    ]);
  });

  it('folds a lower-case or full-width credit code', () => {
    expect(valueOf({ ...row, uscc: ` ${CODE_A.toLowerCase()} ` }).uscc).toBe(CODE_A);
  });

  it('warns that a unit without an actual address will not be drawn', () => {
    const result = validateUnitRow({ ...row, address: '', registeredAddress: '金华市婺城区八一南街1号' }, 4);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.message)).toEqual(['第 4 行「实际经营地址」：缺少实际经营地址：补全前该单位不会被抽取']);
    const vague = validateUnitRow({ ...row, address: '浙江省金华市婺城区' }, 4);
    expect(vague.warnings[0]?.message).toMatch(/不够具体/);
  });

  it('keeps a bad telephone number as written but warns about it', () => {
    const result = validateUnitRow({ ...row, contactPhone: '1381234567' }, 6);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.contactPhone).toBe('1381234567');
    expect(result.warnings.map((w) => w.message)).toEqual([
      '第 6 行「联系电话」：手机号码应为 11 位，实际为 10 位，已按原样保留',
    ]);
  });

  it('resolves a district given as a code, a name or a path', () => {
    expect(valueOf({ ...row, districtCode: '330702 婺城区' }).districtCode).toBe('330702');
    expect(valueOf({ ...row, districtCode: '婺城区' }).districtCode).toBe('330702');
    expect(valueOf({ ...row, districtCode: '浙江省金华市婺城区' }).districtCode).toBe('330702');
    expect(valueOf({ ...row, districtCode: '北京市朝阳区' }).districtCode).toBe('110105');
    expect(valueOf({ ...row, districtCode: '东莞市' }).districtCode).toBe('441900');
  });

  it('asks for a code when a county name is ambiguous, unless the brigade region settles it', () => {
    const result = validateUnitRow({ ...row, districtCode: '朝阳区' }, 7);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toBe(
      '第 7 行「行政区划」：「朝阳区」对应多个区划：110105 北京市朝阳区、220104 吉林省长春市朝阳区，请填写 6 位区划代码',
    );
    const settled = validateUnitRow({ ...row, districtCode: '朝阳区' }, 7, { withinDivisionCode: '220100' });
    expect(settled.ok && settled.value.districtCode).toBe('220104');
  });

  it('refuses unknown, retired and non-county division codes with a reason', () => {
    const messages = (districtCode: string) => {
      const result = validateUnitRow({ ...row, districtCode }, 8);
      return result.ok ? [] : result.errors.map((e) => e.message);
    };
    expect(messages('999999')).toEqual([
      '第 8 行「行政区划」：「999999」不是已知的行政区划代码（行政区划代码表截至 2023-06-30）',
    ]);
    expect(messages('330103')[0]).toMatch(/「330103 下城区」已撤销（撤销于 2020-06-30 至 2021-10-31 之间）/);
    expect(messages('330700')).toEqual([
      '第 8 行「行政区划」：「330700 浙江省金华市」不是县级区划，请填写区县代码（如 330702 浙江省金华市婺城区）',
    ]);
    expect(messages('火星区')[0]).toMatch(/不是已知的区县名称/);
  });

  it('reads categories, statuses and yes/no in the ways offices write them', () => {
    expect(valueOf({ ...row, category: '消防安全重点单位' }).category).toBe('key');
    expect(valueOf({ ...row, category: '非重点' }).category).toBe('general');
    expect(valueOf({ ...row, status: '吊销，未注销' }).status).toBe('deregistered');
    expect(valueOf({ ...row, status: '迁出' }).status).toBe('relocated');
    expect(valueOf({ ...row, status: '歇业' }).status).toBe('suspended');
    expect(valueOf({ ...row, isFlammable: '√' }).isFlammable).toBe(true);
    expect(valueOf({ ...row, isFlammable: 'N' }).isFlammable).toBe(false);
  });

  it('refuses values it cannot read and says what is allowed', () => {
    const result = validateUnitRow({ ...row, category: '大型', status: '不知道', isHighRise: '也许' }, 9);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.message)).toEqual([
      '第 9 行「单位类别」：「大型」无法识别，应为 重点单位、一般单位、九小场所、其他 之一',
      '第 9 行「单位状态」：「不知道」无法识别，应为 正常、停业、注销、迁出、查无此单位 之一',
      '第 9 行「高层建筑」：「也许」无法识别，应填“是”或“否”',
    ]);
  });

  it('checks dictionary fields against the lists it is given', () => {
    const options = { allowedValues: { riskLevel: ['高', '中', '低'], tags: ['高层建筑'] } };
    expect(validateUnitRow({ ...row, riskLevel: '高' }, 10, options).ok).toBe(true);
    const result = validateUnitRow({ ...row, riskLevel: '红', tags: '高层建筑、地下空间' }, 10, options);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      '第 10 行「标签」：「地下空间」不在标签字典中（可选：高层建筑）',
      '第 10 行「风险等级」：「红」不在字典中（可选：高、中、低）',
    ]);
  });

  it('refuses text longer than the field allows', () => {
    const result = validateUnitRow({ ...row, name: '好'.repeat(201) }, 11);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      '第 11 行「单位名称」：不能超过 200 个字符，实际为 201 个',
    ]);
  });

  it('keeps hostile text as text: escaping is the page’s job', () => {
    expect(valueOf({ ...row, name: '<img src=x onerror=alert(1)>' }).name).toBe('<img src=x onerror=alert(1)>');
  });

  it('warns when a person field seems to hold a phone number', () => {
    const result = validateUnitRow({ ...row, contactName: '张三13812345678' }, 13);
    expect(result.warnings.map((w) => w.message)).toEqual([
      '第 13 行「联系人」：「张三13812345678」含有一串数字，可能混入了电话号码',
    ]);
  });
});

describe('findDuplicateRows', () => {
  it('refuses a credit code repeated in the file and flags the same name at the same address', () => {
    const rows = [
      { rowNumber: 2, value: valueOf({ ...row }) },
      { rowNumber: 3, value: valueOf({ ...row, name: '另一家' }) },
      {
        rowNumber: 4,
        value: valueOf({ ...row, uscc: CODE_B, name: '金华市婺城区 好运来超市', address: '浙江省金华市婺城区人民路８８号' }),
      },
    ];
    const { errors, warnings } = findDuplicateRows(rows, { regionPrefixes: regionPrefixesOf('330702') });
    expect(errors.map((e) => e.message)).toEqual([`第 3 行「统一社会信用代码」：与第 2 行重复（${CODE_A}）`]);
    expect(warnings.map((w) => w.message)).toEqual([
      `第 4 行「单位名称」：与第 2 行名称和地址相同但信用代码不同（${CODE_A}），疑似重复单位`,
    ]);
  });
});

describe('diffUnitRow', () => {
  it('lists the fields an import would change, and nothing for the same data again', () => {
    const incoming = valueOf({ ...row, contactPhone: '13812345678', tags: '高层建筑、电动自行车集中停放场所' });
    const existing = { ...incoming, contactPhone: '0579-82345678', tags: ['电动自行车集中停放场所', '高层建筑'] };
    expect(diffUnitRow(existing, incoming)).toEqual([
      { field: 'contactPhone', label: '联系电话', from: '0579-82345678', to: '13812345678' },
    ]);
    expect(diffUnitRow(incoming, incoming)).toEqual([]);
  });

  it('leaves fields the file does not fill untouched', () => {
    const incoming = valueOf({ ...row });
    expect(diffUnitRow({ ...incoming, safetyOwner: '张三' }, incoming)).toEqual([]);
  });
});

describe('a GBK-encoded CSV, end to end', () => {
  it('imports with its Chinese intact and reports the bad row by line', () => {
    const csv = [
      '单位名称 ,统一社会信用代码：,住所,实际经营地址,联系电话,法定代表人,备注',
      `金华市婺城区好运来超市,${CODE_A},金华市婺城区八一南街1号,"金华市婺城区人民路88号",0579-82345678,张三,`,
      `"浙江""宏达""贸易有限公司",91350203M0001QAY9B,金华市金东区,"多地经营,`,
      `见附表",13812345678,李四,无`,
      '',
    ].join('\r\n');
    const decoded = decodeText(iconv.encode(csv, 'gbk'));
    expect(decoded.encoding).toBe('gb18030');
    const { rows, errors } = parseCsv(decoded.text);
    expect(errors).toEqual([]);
    const [header, ...data] = rows;
    const recognized = recognizeHeaders(header?.cells ?? []);
    expect(recognized.unmapped.map((c) => c.header)).toEqual(['备注']);

    const results = data.map((r) => validateUnitRow(applyColumnMapping(r.cells, recognized.mapped), r.line));
    const first = results[0];
    expect(first?.ok && first.value).toMatchObject({
      name: '金华市婺城区好运来超市',
      safetyOwner: '张三',
      contactPhone: '0579-82345678',
    });
    const second = results[1];
    expect(second?.ok).toBe(false);
    if (second === undefined || second.ok) return;
    expect(second.errors[0]?.message).toMatch(/^第 3 行「统一社会信用代码」：校验位错误/);
  });
});
