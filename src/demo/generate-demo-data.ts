/**
 * Deterministic demo data for a 金华 (Zhejiang) deployment: the org tree, one 协作区, about 12,000 social units
 * (检查对象名录库), 7–10 inspectors per brigade and one demo account per role.
 *
 * Pure: no I/O, no clock, no Math.random. Everything derives from `seed` and `asOf`, so the same options always
 * give a deep-equal result. The PRNG is for demo data only, never for draws.
 */
import { computeOrgCodeCheckChar, computeUsccCheckChar, USCC_CHARSET } from '../domain/uscc.ts';
import { createRng, deriveSeed, weightedTable, type Rng } from './prng.ts';

export type DemoOrg = {
  key: string;
  parentKey: string | null;
  kind: 'corps' | 'detachment' | 'brigade';
  name: string;
  shortName: string;
  divisionCode: string;
};
export type DemoZone = { name: string; detachmentKey: string; brigadeKeys: string[] };
export type DemoUnit = {
  uscc: string;
  name: string;
  registeredAddress: string;
  address: string | null;
  districtCode: string;
  street: string;
  category: 'key' | 'general' | 'small_venue' | 'other';
  isCrowded: boolean;
  isFlammable: boolean;
  isHighRise: boolean;
  industry: string;
  riskLevel: 'high' | 'medium' | 'low';
  tags: string[];
  status: 'active' | 'suspended' | 'deregistered' | 'relocated' | 'not_found';
  /** ISO timestamp; set only for non-active units. */
  statusChangedAt: string | null;
  contactName: string | null;
  contactPhone: string | null;
  safetyOwner: string | null;
  safetyManager: string | null;
  source: 'market_regulation' | 'department_share' | 'manual';
  brigadeKey: string;
  /** ISO timestamp. */
  createdAt: string;
  /** ISO timestamp, never before createdAt. */
  updatedAt: string;
};
export type DemoInspector = {
  brigadeKey: string;
  name: string;
  badgeNo: string;
  certificateNo: string;
  /** YYYY-MM-DD */
  certificateValidFrom: string;
  /** YYYY-MM-DD */
  certificateValidUntil: string;
  post: 'full_time' | 'part_time' | 'other';
  roles: ('lead' | 'assistant')[];
  phone: string;
  drawWeight: number;
};
export type DemoAccount = {
  username: string;
  displayName: string;
  role: 'system_admin' | 'org_admin' | 'brigade_admin' | 'inspector' | 'auditor';
  orgKey: string;
  inspectorBadgeNo: string | null;
};
export type DemoData = {
  orgs: DemoOrg[];
  zones: DemoZone[];
  units: DemoUnit[];
  inspectors: DemoInspector[];
  accounts: DemoAccount[];
};

/** The password of every demo account. Demo deployments only. */
export const DEMO_PASSWORD = 'Demo@2026';

const DAY_MS = 86_400_000;
const DEFAULT_UNIT_COUNT = 12_000;

// ---------------------------------------------------------------------------------------------------------------
// Organisations and counties
// ---------------------------------------------------------------------------------------------------------------

type BrigadeKey = 'wucheng' | 'jindong' | 'lanxi';

type County = {
  key: BrigadeKey;
  code: string;
  /** 婺城区 */
  name: string;
  /** 婺城 */
  short: string;
  /** The prefix used in names: 金华市婺城区 / 兰溪市. */
  full: string;
  /** The prefix used in addresses: 浙江省金华市婺城区 / 浙江省兰溪市. */
  addressPrefix: string;
  /** 街道 and 乡镇, weighted (urban streets hold more units). */
  streets: ReadonlyArray<readonly [string, number]>;
  roads: readonly string[];
};

const COUNTIES: readonly County[] = [
  {
    key: 'wucheng',
    code: '330702',
    name: '婺城区',
    short: '婺城',
    full: '金华市婺城区',
    addressPrefix: '浙江省金华市婺城区',
    streets: [
      ['城东街道', 9],
      ['城中街道', 9],
      ['城西街道', 8],
      ['城北街道', 8],
      ['江南街道', 9],
      ['西关街道', 7],
      ['秋滨街道', 6],
      ['新狮街道', 6],
      ['三江街道', 6],
      ['白龙桥镇', 4],
      ['琅琊镇', 2],
      ['蒋堂镇', 2],
      ['汤溪镇', 3],
      ['罗埠镇', 2],
      ['雅畈镇', 2],
      ['安地镇', 1],
      ['竹马乡', 1],
    ],
    roads: [
      '八一南街',
      '八一北街',
      '人民西路',
      '宾虹西路',
      '李渔路',
      '双溪西路',
      '丹溪路',
      '环城南路',
      '环城西路',
      '婺州街',
      '新华街',
      '解放西路',
      '将军路',
      '胜利街',
      '回溪街',
      '西市街',
      '五一路',
      '中山路',
      '迎宾大道',
      '青春路',
    ],
  },
  {
    key: 'jindong',
    code: '330703',
    name: '金东区',
    short: '金东',
    full: '金华市金东区',
    addressPrefix: '浙江省金华市金东区',
    streets: [
      ['多湖街道', 12],
      ['东孝街道', 10],
      ['孝顺镇', 5],
      ['傅村镇', 3],
      ['曹宅镇', 3],
      ['澧浦镇', 3],
      ['岭下镇', 2],
      ['江东镇', 2],
      ['塘雅镇', 2],
      ['赤松镇', 3],
      ['源东乡', 1],
    ],
    roads: [
      '光南路',
      '李渔东路',
      '宾虹东路',
      '东市北街',
      '东市南街',
      '金瓯路',
      '东湄路',
      '多湖路',
      '丹溪东路',
      '金港大道',
      '环城东路',
      '康济北街',
      '双溪东路',
    ],
  },
  {
    key: 'lanxi',
    code: '330781',
    name: '兰溪市',
    short: '兰溪',
    full: '兰溪市',
    addressPrefix: '浙江省兰溪市',
    streets: [
      ['兰江街道', 12],
      ['云山街道', 9],
      ['上华街道', 7],
      ['永昌街道', 5],
      ['赤溪街道', 4],
      ['女埠街道', 3],
      ['游埠镇', 3],
      ['诸葛镇', 2],
      ['黄店镇', 2],
      ['香溪镇', 2],
      ['马涧镇', 2],
      ['梅江镇', 2],
      ['横溪镇', 1],
      ['柏社乡', 1],
      ['灵洞乡', 1],
      ['水亭畲族乡', 1],
    ],
    roads: [
      '丹溪大道',
      '兰江路',
      '振兴路',
      '西山路',
      '北门路',
      '桃花坞路',
      '中洲路',
      '溪西大道',
      '云山路',
      '登胜路',
      '纪念路',
      '人民北路',
      '人民南路',
      '解放路',
      '兰荫路',
      '春江路',
    ],
  },
];

const pickCounty = weightedTable<County>([
  [COUNTIES[0]!, 40],
  [COUNTIES[1]!, 33],
  [COUNTIES[2]!, 27],
]);
const STREET_PICKERS = new Map(COUNTIES.map((c) => [c, weightedTable(c.streets)] as const));

function buildOrgs(): DemoOrg[] {
  return [
    {
      key: 'corps',
      parentKey: null,
      kind: 'corps',
      name: '浙江省消防救援总队',
      shortName: '浙江总队',
      divisionCode: '330000',
    },
    {
      key: 'jinhua',
      parentKey: 'corps',
      kind: 'detachment',
      name: '金华市消防救援支队',
      shortName: '金华支队',
      divisionCode: '330700',
    },
    ...COUNTIES.map((c): DemoOrg => ({
      key: c.key,
      parentKey: 'jinhua',
      kind: 'brigade',
      name: `${c.name}消防救援大队`,
      shortName: `${c.short}大队`,
      divisionCode: c.code,
    })),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Lexicon
// ---------------------------------------------------------------------------------------------------------------

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
/** Common surnames first, roughly Zipf-weighted. */
const pickSurname = weightedTable(SURNAMES.map((s, i) => [s, 1 / (i + 8)] as const));
const GIVEN_SINGLE = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰涛明超霞平刚辉鹏华飞斌宇浩凯俊帆琳婷雪慧燕红建国志文海林峰东波萍丹玲晨倩亮',
];
const GIVEN_FIRST = [...'建志晓海国文子俊雨家思佳嘉欣梦浩宇明立永春秋美丽伟秀金玉旭新天成振德卫一晨诗若锦'];
const GIVEN_SECOND = [...'华明平军峰强伟宇轩涵怡婷杰涛辉林芳英兰玲霞红燕东波刚勇彬斌龙飞鹏源杭宁豪琪瑶萱然'];

/** Curated 字号 (trade names), some with local flavour (八咏, 婺州, 双龙, 金兰…). */
const BRANDS = [
  ...'鑫源 恒达 宏泰 华联 永盛 金诚 瑞丰 嘉禾 兴旺 福源 顺发 天成 广信 盛世 和美 隆鑫 恒丰 德胜 万家 新宇 汇盈 佳禾 康宁 宏远 锦程 明辉 百川 富康 金鼎 华鑫 长兴 东升 利民 立信 同创 鼎盛 聚福 旺达 志诚 泰和 安泰 祥瑞 裕丰 荣昌 晨光 星辰 悦享 雅致 尚品 优品 乐家 美佳 欣悦 怡然 润泽 博远 致远 通达 丰收 绿源 清源 益民 万福 鸿运 宏发 大成 新华 婺州 八咏 双龙 金兰 兰江 婺江 北山 丹溪 双溪 芙蓉 金帆 银河 四季 春晖 阳光 天禾 金穗 恒昌'.split(
    ' ',
  ),
];
const BRAND_FIRST = [
  ...'鑫恒宏华永金瑞嘉兴福顺天广盛和隆德万新佳康锦明富鼎长东利立同聚旺志泰安祥裕荣晨悦优美欣润博通丰益鸿大',
];
const BRAND_SECOND = [
  ...'源达泰联盛诚丰禾旺发成信世美鑫胜家宇盈宁远程辉川康鼎兴升民创合福和瑞昌光辰享品佳悦泽通利运隆邦',
];
const TEMPLE_WORDS = [
  ...'普济 法华 慈云 崇福 圆通 清凉 永福 宝林 天宁 福田 观音 报恩 资福 普照 龙华 云峰 真如 慧光'.split(' '),
];
const VILLAGES = [
  ...'后溪 下王 上陈 塘下 前店 新屋 石门 东山 里范 下吴 雅湖 山口 洪塘 蒋家 后宅 前畈 湖头 王宅 殿下 溪口 岩头 桥头 西周 长塘 下徐 上叶 方山 柳湖 中戴 湖塘'.split(
    ' ',
  ),
];
const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '157',
  '158',
  '159',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
];

const TAGS = [
  '高层建筑',
  '电动自行车集中停放场所',
  '地下空间',
  '大型商业综合体',
  '老旧小区',
  '沿街商铺',
  '“三合一”场所',
  '冷库',
] as const;
type Tag = (typeof TAGS)[number];

// ---------------------------------------------------------------------------------------------------------------
// Person names, phones, places
// ---------------------------------------------------------------------------------------------------------------

function personName(rng: Rng): string {
  const surname = pickSurname(rng);
  const given = rng.chance(0.3) ? rng.pick(GIVEN_SINGLE) : rng.pick(GIVEN_FIRST) + rng.pick(GIVEN_SECOND);
  return surname + given;
}

function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** One of several lazily built alternatives, by weight (only the chosen one consumes randomness). */
function oneOf<T>(rng: Rng, options: ReadonlyArray<readonly [() => T, number]>): T {
  return rng.weighted(options)();
}

function brand(rng: Rng): string {
  if (rng.chance(0.55)) return rng.pick(BRANDS);
  const a = rng.pick(BRAND_FIRST);
  let b = rng.pick(BRAND_SECOND);
  while (b === a) b = rng.pick(BRAND_SECOND);
  return a + b;
}

/** 城东街道 → 城东, 白龙桥镇 → 白龙桥, 水亭畲族乡 → 水亭. */
function stemOf(street: string): string {
  return street.replace(/(畲族乡|街道|镇|乡)$/, '');
}

function addressIn(rng: Rng, county: County, street: string): string {
  const r = rng.next();
  const no = r < 0.5 ? rng.int(1, 99) : r < 0.9 ? rng.int(100, 399) : rng.int(400, 1299);
  const u = rng.next();
  const unit =
    u < 0.8
      ? ''
      : u < 0.88
        ? `${rng.int(1, 12)}幢`
        : u < 0.95
          ? `${rng.int(1, 6)}幢${rng.int(1, 25)}0${rng.int(1, 9)}室`
          : `${rng.int(1, 3)}楼`;
  if (street.endsWith('街道')) {
    const road = rng.pick(county.roads);
    return `${county.addressPrefix}${rng.chance(0.3) ? street : ''}${road}${no}号${unit}`;
  }
  if (rng.chance(0.5)) return `${county.addressPrefix}${street}${rng.pick(VILLAGES)}村${no}号`;
  const road = stemOf(street) + rng.pick(['大道', '中路', '集镇街', '新街', '工业功能区']);
  return `${county.addressPrefix}${street}${road}${no}号${unit}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Industries and names
// ---------------------------------------------------------------------------------------------------------------

type Category = DemoUnit['category'];
/** Positions 1–2 of the USCC: 11 机关, 12 事业单位, 52 民办非企业, 71 宗教活动场所, 91 企业, 92 个体工商户, 93 农民专业合作社. */
type Entity = '11' | '12' | '52' | '71' | '91' | '92' | '93';
/** The level of the registering authority: decides the name prefix and USCC positions 3–8. */
type Scope = 'county' | 'city' | 'province';

type NameCtx = { rng: Rng; county: County; street: string; stem: string; entity: Entity; scope: Scope };

type IndustryDef = {
  industry: string;
  weight: number;
  entities: ReadonlyArray<readonly [Entity, number]>;
  /** Probability that a unit is a 人员密集场所. */
  crowded: number;
  flammable?: number;
  /** Probability of 高层建筑; the category default when absent. */
  highRise?: number;
  tags?: Partial<Record<Tag, number>>;
  name: (c: NameCtx) => string;
};

const SCOPE_BY_ENTITY: Record<Entity, ReadonlyArray<readonly [Scope, number]>> = {
  '11': [
    ['county', 85],
    ['city', 15],
  ],
  '12': [
    ['county', 65],
    ['city', 35],
  ],
  '52': [
    ['county', 80],
    ['city', 20],
  ],
  '71': [['county', 1]],
  '91': [
    ['county', 80],
    ['city', 15],
    ['province', 5],
  ],
  '92': [
    ['county', 97],
    ['city', 3],
  ],
  '93': [['county', 1]],
};

/** Company-style prefix: 浙江 / 金华(市) / 金华市婺城区 / 兰溪(市). */
function corp(c: NameCtx): string {
  if (c.scope === 'province') return '浙江';
  if (c.scope === 'city') return c.rng.pick(['金华', '金华市']);
  return c.county.key === 'lanxi' ? c.rng.pick(['兰溪市', '兰溪']) : c.county.full;
}

/** 个体工商户-style prefix: 金华市婺城区 / 婺城区 / 兰溪市. */
function indiv(c: NameCtx): string {
  if (c.scope !== 'county') return '金华市';
  return c.county.key === 'lanxi' ? '兰溪市' : c.rng.pick([c.county.full, c.county.name]);
}

/** Public-institution prefix: 金华市 / 金华市婺城区 / 兰溪市. */
function pub(c: NameCtx): string {
  return c.scope === 'county' ? c.county.full : '金华市';
}

function ltd(c: NameCtx, words: readonly string[]): string {
  return `${corp(c)}${brand(c.rng)}${c.rng.pick(words)}有限公司`;
}

function shop(c: NameCtx, words: readonly string[]): string {
  return `${indiv(c)}${brand(c.rng)}${c.rng.pick(words)}`;
}

function cn(rng: Rng, max: number): string {
  return CN_NUMBERS[rng.int(0, Math.min(max, CN_NUMBERS.length) - 1)]!;
}

const isTown = (c: NameCtx): boolean => !c.street.endsWith('街道');

const MANUFACTURING_WORDS = [
  '工贸',
  '实业',
  '五金制造',
  '服饰',
  '电器',
  '机械',
  '工具',
  '塑业',
  '鞋业',
  '汽车零部件',
  '家具',
  '包装',
  '电子',
  '食品',
  '新材料',
];

const hospital = (c: NameCtx): string => {
  if (c.entity === '91') return `${corp(c)}${brand(c.rng)}医院有限公司`;
  if (c.scope === 'city') {
    return `金华市${c.rng.pick(['中心医院', '人民医院', '中医医院', '第二医院', '第五医院', '妇幼保健院', '口腔医院', '第二人民医院'])}`;
  }
  const p = pub(c);
  return oneOf(c.rng, [
    [() => `${p}${isTown(c) ? `${c.street}卫生院` : `${c.stem}社区卫生服务中心`}`, 6],
    [() => `${p}人民医院`, 1],
    [() => `${p}中医院`, 1],
    [() => `${p}妇幼保健院`, 1],
    [() => `${p}第${cn(c.rng, 5)}人民医院`, 2],
  ]);
};

const school = (c: NameCtx): string => {
  if (c.entity === '52') {
    return `${pub(c)}${brand(c.rng)}${c.rng.pick(['外国语学校', '实验学校', '幼儿园', '双语幼儿园', '艺术幼儿园'])}`;
  }
  if (c.scope === 'city') {
    return c.rng.chance(0.6)
      ? `金华市第${cn(c.rng, 15)}中学`
      : `金华市${c.rng.pick(['外国语学校', '实验中学', '职业技术学校', '特殊教育学校', '技师学院', '青少年宫'])}`;
  }
  const p = pub(c);
  return oneOf(c.rng, [
    [() => `${p}${c.stem}${isTown(c) ? '中心小学' : '小学'}`, 4],
    [() => `${p}${c.stem}${isTown(c) ? '初级中学' : '中学'}`, 3],
    [() => `${p}${c.stem}${isTown(c) ? '中心幼儿园' : '幼儿园'}`, 3],
    [() => `${p}${c.rng.pick(['实验小学', '实验中学', '实验幼儿园', '职业中专'])}`, 1],
    [() => `${p}第${cn(c.rng, 8)}${c.rng.pick(['中学', '小学'])}`, 1],
  ]);
};

const KEY_INDUSTRIES: readonly IndustryDef[] = [
  {
    industry: '医疗',
    weight: 10,
    entities: [
      ['12', 70],
      ['91', 30],
    ],
    crowded: 1,
    highRise: 0.45,
    tags: { 电动自行车集中停放场所: 0.2, 地下空间: 0.2 },
    name: hospital,
  },
  {
    industry: '教育',
    weight: 12,
    entities: [
      ['12', 88],
      ['52', 12],
    ],
    crowded: 1,
    highRise: 0.05,
    tags: { 电动自行车集中停放场所: 0.25 },
    name: school,
  },
  {
    industry: '商场超市',
    weight: 8,
    entities: [['91', 1]],
    crowded: 1,
    highRise: 0.4,
    tags: { 大型商业综合体: 0.5, 地下空间: 0.4 },
    name: (c) =>
      c.rng.chance(0.5)
        ? ltd(c, ['购物中心', '商厦', '商业管理', '百货', '商业广场'])
        : `${corp(c)}${brand(c.rng)}${c.rng.pick(['超市', '商贸'])}有限公司${c.rng.chance(0.4) ? `${c.stem}分公司` : ''}`,
  },
  {
    industry: '住宿',
    weight: 7,
    entities: [['91', 1]],
    crowded: 1,
    highRise: 0.55,
    tags: { 地下空间: 0.3 },
    name: (c) =>
      oneOf(c.rng, [
        [() => `${c.county.name}${brand(c.rng)}大酒店`, 3],
        [() => `${corp(c)}${brand(c.rng)}大酒店有限公司`, 3],
        [() => `金华${brand(c.rng)}酒店管理有限公司`, 2],
        [() => `${brand(c.rng)}国际大酒店`, 1],
      ]),
  },
  {
    industry: '养老',
    weight: 4,
    entities: [
      ['12', 35],
      ['52', 55],
      ['91', 10],
    ],
    crowded: 1,
    highRise: 0.05,
    name: (c) =>
      c.entity === '12'
        ? `${pub(c)}${c.scope === 'county' ? c.stem : ''}${c.rng.pick(['敬老院', '社会福利中心', '养老服务中心'])}`
        : c.entity === '52'
          ? `${pub(c)}${brand(c.rng)}${c.rng.pick(['养老院', '颐养中心', '老年公寓', '康养中心'])}`
          : ltd(c, ['康养服务', '养老服务']),
  },
  {
    industry: '娱乐',
    weight: 4,
    entities: [['91', 1]],
    crowded: 1,
    highRise: 0.3,
    tags: { 地下空间: 0.35 },
    name: (c) => ltd(c, ['娱乐', '文化娱乐', '演艺', '量贩式KTV', '影城']),
  },
  {
    industry: '文博',
    weight: 3,
    entities: [['12', 1]],
    crowded: 1,
    highRise: 0,
    name: (c) =>
      c.rng.chance(0.6)
        ? `${pub(c)}${c.rng.pick(['博物馆', '图书馆', '文化馆', '档案馆', '美术馆', '非遗馆', '科技馆'])}`
        : `${pub(c)}${c.stem}${c.rng.pick(['文化站', '图书分馆'])}`,
  },
  {
    industry: '体育场馆',
    weight: 2,
    entities: [
      ['12', 60],
      ['91', 40],
    ],
    crowded: 1,
    highRise: 0,
    name: (c) =>
      c.entity === '12'
        ? `${pub(c)}${c.rng.pick(['体育中心', '全民健身中心', '体育馆', '游泳馆'])}`
        : ltd(c, ['体育发展', '体育文化']),
  },
  {
    industry: '交通运输',
    weight: 2,
    entities: [['91', 1]],
    crowded: 1,
    highRise: 0,
    name: (c) => `${ltd(c, ['客运', '公共交通', '汽车运输'])}${c.rng.chance(0.4) ? `${c.stem}客运站` : ''}`,
  },
  {
    industry: '机关',
    weight: 14,
    entities: [['11', 1]],
    crowded: 0,
    highRise: 0.3,
    name: (c) => {
      if (c.scope === 'city') {
        return `金华市${c.rng.pick([
          '发展和改革委员会',
          '教育局',
          '财政局',
          '民政局',
          '自然资源和规划局',
          '住房和城乡建设局',
          '交通运输局',
          '卫生健康委员会',
          '市场监督管理局',
          '应急管理局',
          '人民政府',
          '中级人民法院',
          '人民检察院',
          '审计局',
        ])}`;
      }
      const p = pub(c);
      if (c.rng.chance(0.35)) return isTown(c) ? `${p}${c.street}人民政府` : `${p}人民政府${c.street}办事处`;
      return `${p}${c.rng.pick([
        '发展和改革局',
        '教育局',
        '财政局',
        '民政局',
        '人力资源和社会保障局',
        '住房和城乡建设局',
        '交通运输局',
        '农业农村局',
        '卫生健康局',
        '市场监督管理局',
        '应急管理局',
        '人民政府',
        '人民法院',
        '人民检察院',
        '司法局',
        '审计局',
        '统计局',
        '退役军人事务局',
      ])}`;
    },
  },
  {
    industry: '化工',
    weight: 8,
    entities: [['91', 1]],
    crowded: 0,
    flammable: 1,
    highRise: 0,
    name: (c) => ltd(c, ['化工', '化学', '精细化工', '新材料', '涂料']),
  },
  {
    industry: '加油站',
    weight: 8,
    entities: [['91', 1]],
    crowded: 0,
    flammable: 1,
    highRise: 0,
    name: (c) => {
      const place = c.rng.chance(0.5) ? c.stem : c.rng.pick(VILLAGES);
      return oneOf(c.rng, [
        [() => `中国石化销售股份有限公司浙江金华石油分公司${place}加油站`, 4],
        [() => `中国石油天然气股份有限公司浙江金华销售分公司${place}加油站`, 2],
        [() => `${corp(c)}${brand(c.rng)}石化有限公司${place}加油站`, 3],
      ]);
    },
  },
  {
    industry: '燃气',
    weight: 3,
    entities: [['91', 1]],
    crowded: 0,
    flammable: 1,
    highRise: 0,
    name: (c) => (c.rng.chance(0.6) ? ltd(c, ['燃气', '液化气', '能源']) : `${ltd(c, ['燃气'])}${c.stem}液化气供应站`),
  },
  {
    industry: '仓储物流',
    weight: 6,
    entities: [['91', 1]],
    crowded: 0,
    flammable: 0.2,
    highRise: 0,
    tags: { 冷库: 0.2 },
    name: (c) => ltd(c, ['物流', '仓储', '供应链管理', '冷链物流']),
  },
  {
    industry: '电信',
    weight: 2,
    entities: [['91', 1]],
    crowded: 0,
    highRise: 0.4,
    name: (c) => {
      const carrier = c.rng.pick([
        '中国电信股份有限公司',
        '中国移动通信集团浙江有限公司',
        '中国联合网络通信有限公司',
        '中国铁塔股份有限公司',
      ]);
      const branch = c.county.key === 'lanxi' ? '兰溪分公司' : `金华${c.rng.chance(0.5) ? c.county.short : ''}分公司`;
      return `${carrier}${branch}${c.rng.chance(0.7) ? `${c.stem}${c.rng.pick(['营业厅', '通信枢纽楼', '数据中心'])}` : ''}`;
    },
  },
  {
    industry: '电力',
    weight: 2,
    entities: [['91', 1]],
    crowded: 0,
    highRise: 0,
    name: (c) =>
      c.rng.chance(0.4)
        ? `国网浙江省电力有限公司金华供电公司${c.stem}${c.rng.pick(['供电所', '变电站'])}`
        : ltd(c, ['热电', '光伏电力', '新能源']),
  },
  {
    industry: '制造',
    weight: 10,
    entities: [['91', 1]],
    crowded: 0.6,
    highRise: 0,
    tags: { 电动自行车集中停放场所: 0.3 },
    name: (c) => ltd(c, MANUFACTURING_WORDS),
  },
];

const GENERAL_INDUSTRIES: readonly IndustryDef[] = [
  {
    industry: '餐饮',
    weight: 12,
    entities: [
      ['91', 85],
      ['92', 15],
    ],
    crowded: 0.5,
    tags: { 沿街商铺: 0.15 },
    name: (c) =>
      c.entity === '92'
        ? shop(c, ['酒楼', '饭店', '食府', '农家乐', '火锅店', '大排档'])
        : c.rng.chance(0.5)
          ? ltd(c, ['餐饮管理', '餐饮', '餐饮服务'])
          : `${c.county.name}${brand(c.rng)}${c.rng.pick(['酒楼', '食府', '大饭店'])}`,
  },
  {
    industry: '住宿',
    weight: 5,
    entities: [['91', 1]],
    crowded: 0.9,
    highRise: 0.15,
    name: (c) =>
      c.rng.chance(0.6) ? ltd(c, ['宾馆', '酒店', '酒店管理']) : `金华${brand(c.rng)}酒店管理有限公司${c.stem}分公司`,
  },
  {
    industry: '商场超市',
    weight: 6,
    entities: [['91', 1]],
    crowded: 0.6,
    tags: { 地下空间: 0.05 },
    name: (c) =>
      c.rng.chance(0.7)
        ? ltd(c, ['超市', '商贸', '百货'])
        : `${c.county.name}${brand(c.rng)}${c.rng.pick(['购物广场', '生活超市', '商场'])}`,
  },
  {
    industry: '零售',
    weight: 6,
    entities: [
      ['91', 80],
      ['92', 20],
    ],
    crowded: 0.1,
    tags: { 沿街商铺: 0.2 },
    name: (c) =>
      c.entity === '92'
        ? shop(c, ['家电商行', '建材商行', '家具城', '电动车商行', '汽车用品店'])
        : ltd(c, ['贸易', '商贸', '家电', '建材', '医药连锁']),
  },
  {
    industry: '批发市场',
    weight: 3,
    entities: [['91', 1]],
    crowded: 0.5,
    tags: { 冷库: 0.15 },
    name: (c) =>
      c.rng.chance(0.6) ? ltd(c, ['市场管理', '市场开发', '农产品批发市场']) : `${pub(c)}${c.stem}农贸市场`,
  },
  {
    industry: '制造',
    weight: 16,
    entities: [['91', 1]],
    crowded: 0.15,
    tags: { 电动自行车集中停放场所: 0.08 },
    name: (c) => ltd(c, MANUFACTURING_WORDS),
  },
  {
    industry: '纺织服装',
    weight: 5,
    entities: [['91', 1]],
    crowded: 0.2,
    name: (c) => ltd(c, ['纺织', '服饰', '针织', '棉纺', '制衣', '家纺']),
  },
  {
    industry: '五金机械',
    weight: 6,
    entities: [['91', 1]],
    crowded: 0.1,
    name: (c) => ltd(c, ['五金制造', '机械', '工具', '五金', '机电设备', '精密机械']),
  },
  {
    industry: '仓储物流',
    weight: 6,
    entities: [['91', 1]],
    crowded: 0,
    flammable: 0.05,
    tags: { 冷库: 0.12 },
    name: (c) => ltd(c, ['物流', '仓储', '快递', '供应链管理', '货运代理']),
  },
  {
    industry: '化工',
    weight: 1,
    entities: [['91', 1]],
    crowded: 0,
    flammable: 1,
    highRise: 0,
    name: (c) => ltd(c, ['化工', '化工贸易', '涂料', '化学品']),
  },
  {
    industry: '加油站',
    weight: 0.6,
    entities: [['91', 1]],
    crowded: 0,
    flammable: 1,
    highRise: 0,
    name: (c) => `${corp(c)}${brand(c.rng)}石油有限公司${c.rng.pick(VILLAGES)}加油站`,
  },
  {
    industry: '燃气',
    weight: 0.4,
    entities: [['91', 1]],
    crowded: 0,
    flammable: 1,
    highRise: 0,
    name: (c) => `${corp(c)}${brand(c.rng)}液化气有限公司${c.stem}供应点`,
  },
  {
    industry: '汽车维修',
    weight: 4,
    entities: [
      ['91', 70],
      ['92', 30],
    ],
    crowded: 0,
    name: (c) =>
      c.entity === '92'
        ? shop(c, ['汽修厂', '汽车修理厂', '汽车美容店'])
        : ltd(c, ['汽车维修', '汽车服务', '汽车销售服务']),
  },
  {
    industry: '商务办公',
    weight: 10,
    entities: [['91', 1]],
    crowded: 0.05,
    highRise: 0.12,
    name: (c) =>
      ltd(c, [
        '科技',
        '网络科技',
        '建筑工程',
        '文化传媒',
        '房地产开发',
        '电子商务',
        '信息技术',
        '企业管理咨询',
        '装饰工程',
      ]),
  },
  {
    industry: '培训',
    weight: 3,
    entities: [
      ['91', 60],
      ['52', 40],
    ],
    crowded: 0.8,
    name: (c) =>
      c.entity === '52'
        ? `${pub(c)}${brand(c.rng)}${c.rng.pick(['培训学校', '职业技能培训学校', '艺术培训学校'])}`
        : ltd(c, ['教育科技', '教育咨询', '文化艺术']),
  },
  {
    industry: '医疗',
    weight: 2,
    entities: [
      ['91', 70],
      ['52', 30],
    ],
    crowded: 0.7,
    name: (c) =>
      c.entity === '52'
        ? `${pub(c)}${brand(c.rng)}${c.rng.pick(['门诊部', '中医门诊部', '护理院'])}`
        : `${corp(c)}${brand(c.rng)}${c.rng.pick(['口腔门诊部', '门诊部', '医疗管理', '健康管理'])}有限公司`,
  },
  {
    industry: '娱乐',
    weight: 3,
    entities: [['91', 1]],
    crowded: 1,
    tags: { 地下空间: 0.1 },
    name: (c) => ltd(c, ['娱乐', '文化娱乐', '影视文化', '电竞']),
  },
  {
    industry: '体育场馆',
    weight: 2,
    entities: [['91', 1]],
    crowded: 0.8,
    name: (c) => ltd(c, ['健身服务', '体育发展', '游泳健身', '羽毛球馆']),
  },
  {
    industry: '养老',
    weight: 1,
    entities: [['52', 1]],
    crowded: 1,
    name: (c) => `${pub(c)}${brand(c.rng)}${c.rng.pick(['居家养老服务中心', '托养中心', '老年公寓'])}`,
  },
  {
    industry: '交通运输',
    weight: 2,
    entities: [['91', 1]],
    crowded: 0.1,
    name: (c) => ltd(c, ['运输', '货运', '汽车租赁', '停车场管理']),
  },
  {
    industry: '农业',
    weight: 2,
    entities: [['91', 1]],
    crowded: 0,
    tags: { 冷库: 0.2 },
    name: (c) => ltd(c, ['农业开发', '农业科技', '生态农业', '茶业']),
  },
];

const SMALL_VENUE_INDUSTRIES: readonly IndustryDef[] = [
  {
    industry: '餐饮', // 小餐饮
    weight: 30,
    entities: [
      ['92', 90],
      ['91', 10],
    ],
    crowded: 0.3,
    tags: { 沿街商铺: 0.3, '“三合一”场所': 0.03 },
    name: (c) =>
      c.entity === '91'
        ? ltd(c, ['餐饮管理', '餐饮服务'])
        : shop(c, [
            '餐饮店',
            '小吃店',
            '面馆',
            '饭店',
            '快餐店',
            '早餐店',
            '烧烤店',
            '土菜馆',
            '麻辣烫店',
            '饺子馆',
            '酥饼店',
          ]),
  },
  {
    industry: '住宿', // 小旅馆
    weight: 7,
    entities: [
      ['92', 85],
      ['91', 15],
    ],
    crowded: 0.6,
    tags: { '“三合一”场所': 0.05 },
    name: (c) =>
      c.entity === '91' ? ltd(c, ['酒店管理', '民宿']) : shop(c, ['旅馆', '宾馆', '民宿', '招待所', '客栈']),
  },
  {
    industry: '零售', // 小商店
    weight: 25,
    entities: [
      ['92', 95],
      ['91', 5],
    ],
    crowded: 0.05,
    tags: { 沿街商铺: 0.3, '“三合一”场所': 0.05 },
    name: (c) =>
      c.entity === '91'
        ? ltd(c, ['便利店', '商贸'])
        : shop(c, [
            '便利店',
            '超市',
            '日用品店',
            '副食品店',
            '五金店',
            '服装店',
            '烟酒店',
            '水果店',
            '母婴用品店',
            '建材店',
            '电器商行',
            '电动车行',
          ]),
  },
  {
    industry: '网吧', // 小网吧
    weight: 4,
    entities: [
      ['92', 70],
      ['91', 30],
    ],
    crowded: 0.8,
    tags: { 沿街商铺: 0.15 },
    name: (c) => (c.entity === '91' ? ltd(c, ['网络服务', '网咖']) : shop(c, ['网吧', '网咖', '网络会所'])),
  },
  {
    industry: '美容洗浴', // 小美容洗浴
    weight: 8,
    entities: [
      ['92', 95],
      ['91', 5],
    ],
    crowded: 0.4,
    tags: { 沿街商铺: 0.25 },
    name: (c) =>
      c.entity === '91'
        ? ltd(c, ['美容', '养生'])
        : shop(c, ['美容美发店', '理发店', '足浴店', '美容院', '养生馆', '浴室', '美甲店', '汗蒸馆']),
  },
  {
    industry: '娱乐', // 小歌舞娱乐
    weight: 3,
    entities: [
      ['92', 80],
      ['91', 20],
    ],
    crowded: 0.9,
    tags: { 地下空间: 0.1 },
    name: (c) =>
      c.entity === '91' ? ltd(c, ['娱乐', '文化娱乐']) : shop(c, ['歌厅', 'KTV', '棋牌室', '台球室', '电玩城', '茶室']),
  },
  {
    industry: '医疗', // 小医院、诊所
    weight: 4,
    entities: [
      ['92', 60],
      ['52', 25],
      ['91', 15],
    ],
    crowded: 0.3,
    tags: { 沿街商铺: 0.2 },
    name: (c) =>
      c.entity === '91'
        ? `${corp(c)}${brand(c.rng)}${c.rng.pick(['口腔诊所', '中医诊所'])}有限公司`
        : shop(c, ['诊所', '口腔诊所', '中医诊所', '卫生室', '推拿诊所']),
  },
  {
    industry: '教育', // 小学校、幼儿园
    weight: 2,
    entities: [
      ['52', 85],
      ['92', 15],
    ],
    crowded: 0.8,
    name: (c) =>
      c.entity === '52'
        ? `${pub(c)}${brand(c.rng)}${c.rng.pick(['幼儿园', '托育园', '双语幼儿园'])}`
        : shop(c, ['托管中心', '托育园']),
  },
  {
    industry: '培训', // 小培训机构
    weight: 3,
    entities: [
      ['91', 50],
      ['52', 30],
      ['92', 20],
    ],
    crowded: 0.6,
    name: (c) =>
      c.entity === '91'
        ? ltd(c, ['教育咨询', '文化艺术', '教育科技'])
        : c.entity === '52'
          ? `${pub(c)}${brand(c.rng)}${c.rng.pick(['培训学校', '艺术培训学校'])}`
          : shop(c, ['书画工作室', '舞蹈工作室', '托管班']),
  },
  {
    industry: '制造', // 小生产加工
    weight: 14,
    entities: [
      ['92', 75],
      ['91', 25],
    ],
    crowded: 0.05,
    tags: { '“三合一”场所': 0.1, 电动自行车集中停放场所: 0.02 },
    name: (c) =>
      c.entity === '91'
        ? ltd(c, ['五金', '工艺品', '塑料制品', '服装加工'])
        : shop(c, [
            '加工厂',
            '五金加工厂',
            '服装加工厂',
            '食品加工坊',
            '木器加工厂',
            '塑料制品厂',
            '机械加工部',
            '印刷厂',
          ]),
  },
];

const OTHER_INDUSTRIES: readonly IndustryDef[] = [
  {
    industry: '物业管理',
    weight: 40,
    entities: [['91', 1]],
    crowded: 0,
    highRise: 0.45,
    tags: { 老旧小区: 0.25, 电动自行车集中停放场所: 0.35, 地下空间: 0.15 },
    name: (c) =>
      c.rng.chance(0.5)
        ? ltd(c, ['物业服务', '物业管理'])
        : `${corp(c)}${brand(c.rng)}物业服务有限公司${brand(c.rng)}${c.rng.pick(['花园', '小区', '公寓', '家园', '新村'])}服务中心`,
  },
  {
    industry: '宗教场所',
    weight: 12,
    entities: [['71', 1]],
    crowded: 0.8,
    highRise: 0,
    name: (c) =>
      c.rng.chance(0.75)
        ? `${indiv(c)}${c.rng.pick(TEMPLE_WORDS)}${c.rng.pick(['寺', '禅寺', '庵', '观'])}`
        : `${indiv(c)}${c.stem}${c.rng.pick(['基督教堂', '天主堂'])}`,
  },
  {
    industry: '农业',
    weight: 30,
    entities: [
      ['93', 60],
      ['92', 25],
      ['91', 15],
    ],
    crowded: 0,
    highRise: 0,
    tags: { 冷库: 0.08 },
    name: (c) =>
      c.entity === '93'
        ? shop(c, [
            '果蔬专业合作社',
            '茶叶专业合作社',
            '佛手专业合作社',
            '苗木专业合作社',
            '养殖专业合作社',
            '粮食专业合作社',
            '杨梅专业合作社',
          ])
        : c.entity === '92'
          ? shop(c, ['家庭农场', '农场', '养殖场'])
          : ltd(c, ['农业开发', '生态农业', '苗木']),
  },
  {
    industry: '交通运输',
    weight: 18,
    entities: [['91', 1]],
    crowded: 0,
    highRise: 0,
    tags: { 电动自行车集中停放场所: 0.2, 地下空间: 0.2 },
    name: (c) => ltd(c, ['停车场管理', '公共自行车服务', '驾驶员培训']),
  },
];

const pickCategory = weightedTable<Category>([
  ['key', 4],
  ['general', 50],
  ['small_venue', 40],
  ['other', 6],
]);

const INDUSTRIES: Record<Category, readonly IndustryDef[]> = {
  key: KEY_INDUSTRIES,
  general: GENERAL_INDUSTRIES,
  small_venue: SMALL_VENUE_INDUSTRIES,
  other: OTHER_INDUSTRIES,
};
const INDUSTRY_PICKERS: Record<Category, (rng: Rng) => IndustryDef> = {
  key: weightedTable(KEY_INDUSTRIES.map((d) => [d, d.weight] as const)),
  general: weightedTable(GENERAL_INDUSTRIES.map((d) => [d, d.weight] as const)),
  small_venue: weightedTable(SMALL_VENUE_INDUSTRIES.map((d) => [d, d.weight] as const)),
  other: weightedTable(OTHER_INDUSTRIES.map((d) => [d, d.weight] as const)),
};

const CATEGORY_HIGH_RISE: Record<Category, number> = { key: 0.25, general: 0.05, small_venue: 0.02, other: 0 };

const CATEGORY_TAG_ODDS: Record<Category, Partial<Record<Tag, number>>> = {
  key: {},
  general: { 电动自行车集中停放场所: 0.02 },
  small_venue: { 沿街商铺: 0.08, 老旧小区: 0.04 },
  other: {},
};

// ---------------------------------------------------------------------------------------------------------------
// USCC
// ---------------------------------------------------------------------------------------------------------------

const DIGITS = '0123456789';

function randomChars(rng: Rng, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[rng.int(0, alphabet.length - 1)]!;
  return s;
}

/** The 8-character body of the GB 11714 organisation code, in the styles real registries show. */
function orgCodeBody(rng: Rng, entity: Entity): string {
  switch (entity) {
    case '91':
    case '92':
    case '93':
      // Since 2015 the market regulator issues "MA…" codes; older firms keep their 8-digit organisation code.
      return entity !== '91' || rng.chance(0.7)
        ? `MA${rng.pick(['2', '2', '3'])}${randomChars(rng, USCC_CHARSET, 5)}`
        : String(rng.int(1, 7)) + randomChars(rng, DIGITS, 7);
    case '11':
      return `00${randomChars(rng, DIGITS, 6)}`;
    case '12':
      return rng.chance(0.8) ? `4${randomChars(rng, DIGITS, 7)}` : `MB${randomChars(rng, DIGITS, 6)}`;
    case '52':
      return `MJ${randomChars(rng, DIGITS, 6)}`;
    case '71':
      return randomChars(rng, DIGITS, 8);
  }
}

function makeUscc(rng: Rng, entity: Entity, division: string, used: Set<string>): string {
  for (;;) {
    const body = orgCodeBody(rng, entity);
    const first17 = entity + division + body + computeOrgCodeCheckChar(body);
    const code = first17 + computeUsccCheckChar(first17);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------------------

function parseAsOf(asOf: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  if (!m) throw new RangeError(`asOf must be YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  if (new Date(ms).toISOString().slice(0, 10) !== asOf) throw new RangeError(`asOf is not a calendar date: ${asOf}`);
  return ms;
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const isoTime = (ms: number): string => new Date(ms).toISOString();

/** A working-hours moment (08:00–18:59 Beijing = 00:00–10:59 UTC) `daysBefore` days before `asOfMs`. */
function momentDaysBefore(rng: Rng, asOfMs: number, daysBefore: number): number {
  return asOfMs - daysBefore * DAY_MS + rng.int(0, 10) * 3_600_000 + rng.int(0, 59) * 60_000 + rng.int(0, 59) * 1000;
}

function addYears(ms: number, years: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate());
}

// ---------------------------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------------------------

const pickStatus = weightedTable<DemoUnit['status']>([
  ['active', 93],
  ['deregistered', 3],
  ['suspended', 2],
  ['relocated', 1],
  ['not_found', 1],
]);
const pickSource = weightedTable<DemoUnit['source']>([
  ['market_regulation', 86],
  ['department_share', 6],
  ['manual', 8],
]);
/** 机关 and 事业单位 are not registered by market regulation: they come from 编办 data sharing or by hand. */
const pickPublicSource = weightedTable<DemoUnit['source']>([
  ['department_share', 75],
  ['manual', 25],
]);

const riskTable = (high: number, medium: number, low: number): ((rng: Rng) => DemoUnit['riskLevel']) =>
  weightedTable<DemoUnit['riskLevel']>([
    ['high', high],
    ['medium', medium],
    ['low', low],
  ]);
/** Key units are mostly high/medium, small venues mostly low/medium; flammable goods push the level up. */
const RISK = {
  keyFlammable: riskTable(1, 0, 0),
  keyExposed: riskTable(60, 35, 5),
  key: riskTable(40, 50, 10),
  generalFlammable: riskTable(80, 20, 0),
  generalExposed: riskTable(15, 50, 35),
  general: riskTable(5, 40, 55),
  smallCrowded: riskTable(8, 42, 50),
  small: riskTable(3, 30, 67),
  other: riskTable(5, 30, 65),
};

function riskLevel(
  rng: Rng,
  category: Category,
  crowded: boolean,
  flammable: boolean,
  highRise: boolean,
): DemoUnit['riskLevel'] {
  switch (category) {
    case 'key':
      return (flammable ? RISK.keyFlammable : crowded || highRise ? RISK.keyExposed : RISK.key)(rng);
    case 'general':
      return (flammable ? RISK.generalFlammable : crowded || highRise ? RISK.generalExposed : RISK.general)(rng);
    case 'small_venue':
      return (crowded ? RISK.smallCrowded : RISK.small)(rng);
    case 'other':
      return RISK.other(rng);
  }
}

/** Per industry, the odds of each tag other than 高层建筑 (which follows isHighRise exactly). */
const TAG_ODDS = new Map<IndustryDef, ReadonlyArray<readonly [Tag, number]>>(
  (Object.keys(INDUSTRIES) as Category[]).flatMap((category) =>
    INDUSTRIES[category].map((def) => {
      const odds: Partial<Record<Tag, number>> = { ...CATEGORY_TAG_ODDS[category], ...def.tags };
      return [def, TAGS.filter((t) => t !== '高层建筑').map((t) => [t, odds[t] ?? 0] as const)] as const;
    }),
  ),
);

function unitTags(rng: Rng, def: IndustryDef, highRise: boolean): string[] {
  const tags: string[] = highRise ? ['高层建筑'] : [];
  for (const [tag, odds] of TAG_ODDS.get(def)!) {
    const p = tag === '地下空间' && highRise ? Math.max(odds, 0.3) : odds;
    if (p > 0 && rng.chance(p)) tags.push(tag);
  }
  return tags;
}

function generateUnits(rng: Rng, count: number, asOfMs: number): DemoUnit[] {
  const units: DemoUnit[] = [];
  const usedUscc = new Set<string>();
  const usedNames = new Set<string>();

  for (let i = 0; i < count; i++) {
    const county = pickCounty(rng);
    const category = pickCategory(rng);
    const def = INDUSTRY_PICKERS[category](rng);
    const entity = rng.weighted(def.entities);
    const scope = rng.weighted(SCOPE_BY_ENTITY[entity]);
    const street = STREET_PICKERS.get(county)!(rng);
    const ctx: NameCtx = { rng, county, street, stem: stemOf(street), entity, scope };

    // Retry a few times for a fresh name; a handful of repeats (mostly across brigades) is realistic.
    let name = def.name(ctx);
    for (let attempt = 0; attempt < 8 && usedNames.has(name); attempt++) name = def.name(ctx);
    usedNames.add(name);

    const division = scope === 'county' ? county.code : scope === 'city' ? '330700' : '330000';
    const uscc = makeUscc(rng, entity, division, usedUscc);

    const registeredAddress = addressIn(rng, county, street);
    const address = rng.chance(0.04) ? null : rng.chance(0.85) ? registeredAddress : addressIn(rng, county, street);

    const isCrowded = rng.chance(def.crowded);
    const isFlammable = rng.chance(def.flammable ?? 0);
    const isHighRise = rng.chance(def.highRise ?? CATEGORY_HIGH_RISE[category]);

    // Timestamps: created within the last five years; about 10% not touched for more than a year (stale).
    const stale = rng.chance(0.1);
    let createdMs: number;
    let updatedMs: number;
    if (stale) {
      const createdDays = rng.int(400, 5 * 365);
      createdMs = momentDaysBefore(rng, asOfMs, createdDays);
      updatedMs = rng.chance(0.5)
        ? createdMs
        : Math.max(createdMs, momentDaysBefore(rng, asOfMs, rng.int(367, createdDays)));
    } else {
      const createdDays = rng.int(1, 5 * 365);
      createdMs = momentDaysBefore(rng, asOfMs, createdDays);
      updatedMs =
        createdDays <= 360 && rng.chance(0.4)
          ? createdMs
          : Math.max(createdMs, momentDaysBefore(rng, asOfMs, rng.int(1, Math.min(createdDays, 360))));
    }

    const status = pickStatus(rng);
    const statusChangedAt =
      status === 'active' ? null : isoTime(createdMs + Math.floor(rng.next() * (updatedMs - createdMs)));

    const isKey = category === 'key';
    const safetyOwner = isKey || rng.chance(0.9) ? personName(rng) : null;
    let safetyManager = isKey || rng.chance(0.8) ? personName(rng) : null;
    if (category === 'small_venue' && safetyOwner && safetyManager && rng.chance(0.5)) safetyManager = safetyOwner;
    let contactName: string | null = null;
    if (rng.chance(0.95)) {
      contactName =
        safetyManager && rng.chance(0.4)
          ? safetyManager
          : safetyOwner && rng.chance(0.2)
            ? safetyOwner
            : personName(rng);
    }
    const contactPhone = rng.chance(0.92) ? mobile(rng) : null;

    const source = entity === '11' || entity === '12' ? pickPublicSource(rng) : pickSource(rng);

    units.push({
      uscc,
      name,
      registeredAddress,
      address,
      districtCode: county.code,
      street,
      category,
      isCrowded,
      isFlammable,
      isHighRise,
      industry: def.industry,
      riskLevel: riskLevel(rng, category, isCrowded, isFlammable, isHighRise),
      tags: unitTags(rng, def, isHighRise),
      status,
      statusChangedAt,
      contactName,
      contactPhone,
      safetyOwner,
      safetyManager,
      source,
      brigadeKey: county.key,
      createdAt: isoTime(createdMs),
      updatedAt: isoTime(updatedMs),
    });
  }
  return units;
}

// ---------------------------------------------------------------------------------------------------------------
// Inspectors and accounts
// ---------------------------------------------------------------------------------------------------------------

function uniqueValue(make: () => string, used: Set<string>): string {
  let v = make();
  while (used.has(v)) v = make();
  used.add(v);
  return v;
}

const CERTIFICATE_YEARS = 6;

function generateInspectors(rng: Rng, asOfMs: number, usedNames: Set<string>): DemoInspector[] {
  const inspectors: DemoInspector[] = [];
  const usedPhones = new Set<string>();
  let certSeq = rng.int(10, 80);

  for (const county of COUNTIES) {
    const count = rng.int(7, 10);
    const partTimeCount = rng.int(1, 2);
    const partTime = new Set<number>();
    // Index 0 stays full-time so that every brigade's first inspector can lead.
    while (partTime.size < partTimeCount) partTime.add(rng.int(1, count - 1));
    let badge = rng.int(1, 5);

    for (let i = 0; i < count; i++) {
      const fromMs = asOfMs - rng.int(60, 1400) * DAY_MS;
      const post: DemoInspector['post'] = partTime.has(i) ? 'part_time' : 'full_time';
      certSeq += rng.int(1, 37);
      inspectors.push({
        brigadeKey: county.key,
        name: uniqueValue(() => personName(rng), usedNames),
        badgeNo: `ZJ${county.code}-${String(badge).padStart(4, '0')}`,
        certificateNo: `浙执法${county.code}${new Date(fromMs).getUTCFullYear()}${String(certSeq).padStart(5, '0')}`,
        certificateValidFrom: isoDay(fromMs),
        // Issued at most 1400 days ago and valid six years: still valid on asOf.
        certificateValidUntil: isoDay(addYears(fromMs, CERTIFICATE_YEARS) - DAY_MS),
        post,
        roles: post === 'full_time' ? ['lead', 'assistant'] : ['assistant'],
        phone: uniqueValue(() => mobile(rng), usedPhones),
        drawWeight: post === 'full_time' ? 2 : 1,
      });
      badge += rng.int(1, 3);
    }
  }

  // Exactly one expired certificate in the whole dataset, never on a brigade's first inspector (the demo login).
  const candidates = inspectors.filter((_, i) => i > 0 && inspectors[i - 1]!.brigadeKey === inspectors[i]!.brigadeKey);
  const expired = rng.pick(candidates);
  setValidUntil(expired, asOfMs - rng.int(3, 45) * DAY_MS);
  // And one that expires within the next four weeks (still valid on asOf), for the "expiring soon" views.
  setValidUntil(rng.pick(candidates.filter((x) => x !== expired)), asOfMs + rng.int(7, 28) * DAY_MS);

  return inspectors;
}

/** Re-date a certificate to end on `untilMs`, keeping its serial number and the issue year in it consistent. */
function setValidUntil(inspector: DemoInspector, untilMs: number): void {
  const fromMs = addYears(untilMs + DAY_MS, -CERTIFICATE_YEARS);
  const code = inspector.badgeNo.slice(2, 8);
  const serial = inspector.certificateNo.slice(-5);
  inspector.certificateValidFrom = isoDay(fromMs);
  inspector.certificateValidUntil = isoDay(untilMs);
  inspector.certificateNo = `浙执法${code}${new Date(fromMs).getUTCFullYear()}${serial}`;
}

function generateAccounts(rng: Rng, inspectors: readonly DemoInspector[], usedNames: Set<string>): DemoAccount[] {
  const lead = inspectors.find((x) => x.brigadeKey === 'wucheng' && x.post === 'full_time');
  if (!lead) throw new Error('no full-time inspector in 婺城大队');
  const person = (): string => uniqueValue(() => personName(rng), usedNames);
  return [
    { username: 'admin', displayName: '系统管理员', role: 'system_admin', orgKey: 'corps', inspectorBadgeNo: null },
    { username: 'zhidui', displayName: person(), role: 'org_admin', orgKey: 'jinhua', inspectorBadgeNo: null },
    { username: 'wucheng', displayName: person(), role: 'brigade_admin', orgKey: 'wucheng', inspectorBadgeNo: null },
    { username: 'jindong', displayName: person(), role: 'brigade_admin', orgKey: 'jindong', inspectorBadgeNo: null },
    {
      username: 'jiandu',
      displayName: lead.name,
      role: 'inspector',
      orgKey: 'wucheng',
      inspectorBadgeNo: lead.badgeNo,
    },
    { username: 'jijian', displayName: person(), role: 'auditor', orgKey: 'jinhua', inspectorBadgeNo: null },
    // A second 纪检: a callback draw needs two, one to call (回访人) and one to record (记录人) (decision 0026).
    { username: 'jijian2', displayName: person(), role: 'auditor', orgKey: 'jinhua', inspectorBadgeNo: null },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------------------------

/**
 * Generate the demo dataset. Pure and deterministic: the same `seed`, `asOf` and `unitCount` always give a
 * deep-equal result. All timestamps fall before `asOf`; exactly one inspector's certificate has expired by `asOf`.
 * Orgs, zones, inspectors and accounts do not depend on `unitCount`.
 */
export function generateDemoData(options: { seed: number; asOf: string; unitCount?: number }): DemoData {
  const { seed, asOf, unitCount = DEFAULT_UNIT_COUNT } = options;
  if (!Number.isInteger(unitCount) || unitCount < 0) throw new RangeError('unitCount must be a non-negative integer');
  const asOfMs = parseAsOf(asOf);

  const staffNames = new Set<string>();
  const inspectors = generateInspectors(createRng(deriveSeed(seed, 'inspectors')), asOfMs, staffNames);
  const accounts = generateAccounts(createRng(deriveSeed(seed, 'accounts')), inspectors, staffNames);
  const units = generateUnits(createRng(deriveSeed(seed, 'units')), unitCount, asOfMs);

  return {
    orgs: buildOrgs(),
    zones: [{ name: '金华市区协作区', detachmentKey: 'jinhua', brigadeKeys: ['wucheng', 'jindong'] }],
    units,
    inspectors,
    accounts,
  };
}
