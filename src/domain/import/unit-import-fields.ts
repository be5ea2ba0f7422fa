/**
 * The unit fields an import file may fill, with their Chinese labels (used in every row message) and the
 * column headers recognised for each.
 */

export const UNIT_IMPORT_FIELDS = [
  'name',
  'uscc',
  'registeredAddress',
  'address',
  'districtCode',
  'street',
  'contactName',
  'contactPhone',
  'safetyOwner',
  'safetyManager',
  'category',
  'industry',
  'riskLevel',
  'creditLevel',
  'buildingScale',
  'tags',
  'isCrowded',
  'isFlammable',
  'isHighRise',
  'status',
] as const;
export type UnitImportField = (typeof UNIT_IMPORT_FIELDS)[number];

/** Fields without which a row cannot be imported. */
export const REQUIRED_UNIT_IMPORT_FIELDS: readonly UnitImportField[] = ['name', 'uscc'];

export const UNIT_IMPORT_FIELD_LABELS: Record<UnitImportField, string> = {
  name: '单位名称',
  uscc: '统一社会信用代码',
  registeredAddress: '住所（注册地址）',
  address: '实际经营地址',
  districtCode: '行政区划',
  street: '所属街道',
  contactName: '联系人',
  contactPhone: '联系电话',
  safetyOwner: '消防安全责任人',
  safetyManager: '消防安全管理人',
  category: '单位类别',
  industry: '行业',
  riskLevel: '风险等级',
  creditLevel: '信用等级',
  buildingScale: '建筑规模',
  tags: '标签',
  isCrowded: '人员密集场所',
  isFlammable: '易燃易爆场所',
  isHighRise: '高层建筑',
  status: '单位状态',
};

/**
 * Recognised headers per field, best first, compared after {@link normalizeHeader}. When two columns map
 * to one field, the column whose header comes earlier in this list wins; the other is left for the user.
 *
 * 法定代表人 / 负责人 / 经营者 map to 消防安全责任人: 《机关、团体、企业、事业单位消防安全管理规定》
 * (公安部令第61号) 第四条 makes the 法定代表人 or 主要负责人 the unit's 消防安全责任人 (also 消防法第十六条),
 * and 经营者 is the responsible person of a 个体工商户. An explicit 消防安全责任人 column wins over them.
 * 地址 alone is read as 住所 (registered address), the meaning it has in market-regulation exports; 经营场所
 * is where a business operates and maps to 实际经营地址.
 */
export const UNIT_HEADER_SYNONYMS: Record<UnitImportField, readonly string[]> = {
  name: [
    '单位名称',
    '企业名称',
    '名称',
    '单位全称',
    '企业(机构)名称',
    '机构名称',
    '主体名称',
    '市场主体名称',
    '场所名称',
    '单位',
  ],
  uscc: ['统一社会信用代码', '社会信用代码', '信用代码', '统一代码', '统一社会信用代码(注册号)', 'USCC'],
  registeredAddress: ['住所', '注册地址', '地址', '住所(经营场所)', '住所/经营场所', '登记住所', '企业住所', '单位地址'],
  address: ['实际经营地址', '经营地址', '实际地址', '经营场所', '实际经营场所', '场所地址', '详细地址', '生产经营地址'],
  districtCode: ['行政区划', '行政区划代码', '区划代码', '区县', '所属区县', '所在区县', '县(市、区)', '区(县)'],
  street: ['所属街道', '街道', '街道(乡镇)', '乡镇(街道)', '乡镇街道', '所属乡镇', '所属乡镇(街道)', '乡镇'],
  contactName: ['联系人', '联系人姓名'],
  contactPhone: ['联系电话', '联系人电话', '电话', '手机', '手机号', '手机号码', '联系方式', '固定电话'],
  safetyOwner: ['消防安全责任人', '法定代表人', '法定代表人(负责人)', '负责人', '法人代表', '法人', '主要负责人', '经营者'],
  safetyManager: ['消防安全管理人', '安全管理人'],
  category: ['单位类别', '类别', '单位分类', '消防单位类别'],
  industry: ['行业', '所属行业', '行业类别', '行业分类', '行业门类'],
  riskLevel: ['风险等级', '风险级别', '火灾风险等级'],
  creditLevel: ['信用等级', '消防信用等级', '信用级别'],
  buildingScale: ['建筑规模', '建筑面积规模'],
  tags: ['标签', '特殊标签', '单位标签'],
  isCrowded: ['人员密集场所', '是否人员密集场所'],
  isFlammable: ['易燃易爆场所', '是否易燃易爆场所', '易燃易爆'],
  isHighRise: ['高层建筑', '是否高层建筑', '是否高层'],
  status: ['单位状态', '登记状态', '经营状态', '企业状态', '状态'],
};
