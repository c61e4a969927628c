/**
 * The people and employers of the demo union (see demo-members.ts). Kept apart from the
 * seeding so the catalog reads like what it is: a union's register, not code.
 */

/** What kind of work an employer offers: it decides job titles, sex ratio and ages. */
export type EmployerKind =
  | 'steel'
  | 'heavyIndustry'
  | 'school'
  | 'university'
  | 'hospital'
  | 'warehouse'
  | 'delivery'
  | 'retail'
  | 'riders'
  | 'software'
  | 'materials'
  | 'machinery'
  | 'dataServices';

export interface DemoEmployer {
  name: string;
  kind: EmployerKind;
  /** The grassroots unit organizing its workers, or null when the employer has no union. */
  unitCode: string | null;
  /**
   * Parts of the unified social credit code (GB 32100): authority and category ("91" a
   * company, "12" a public institution), region, and the organization code's first eight
   * characters; both check characters are computed. Null: the union does not know the code.
   */
  creditCode: { prefix: string; region: string; body: string } | null;
  workforceSize: number | null;
  address: string;
  workplaces: { name: string; address: string }[];
  /** How many members (not counting applicants) the demo gives it. */
  members: number;
}

export const DEMO_EMPLOYERS: DemoEmployer[] = [
  {
    name: '华兴钢铁集团有限公司',
    kind: 'steel',
    unitCode: 'HX-STEEL',
    creditCode: { prefix: '91', region: '330109', body: '14382105' },
    workforceSize: 1280,
    address: '滨江市江北区钢城大道88号',
    workplaces: [
      { name: '炼钢厂区', address: '滨江市江北区钢城大道88号' },
      { name: '轧钢厂区', address: '滨江市江北区钢城大道126号' },
      { name: '江北原料码头', address: '滨江市江北区沿江路9号' },
    ],
    members: 620,
  },
  {
    name: '东方重工集团有限公司第一分厂',
    kind: 'heavyIndustry',
    unitCode: 'DF-HEAVY-01',
    creditCode: { prefix: '91', region: '330109', body: '67295034' },
    workforceSize: 540,
    address: '滨江市经开区重工路1号',
    workplaces: [
      { name: '铸锻车间', address: '滨江市经开区重工路1号' },
      { name: '总装车间', address: '滨江市经开区重工路1号' },
    ],
    members: 330,
  },
  {
    name: '东方重工集团有限公司第二分厂',
    kind: 'heavyIndustry',
    unitCode: 'DF-HEAVY-02',
    creditCode: { prefix: '91', region: '330109', body: '67295059' },
    workforceSize: 460,
    address: '滨江市经开区重工路66号',
    workplaces: [{ name: '结构件车间', address: '滨江市经开区重工路66号' }],
    members: 270,
  },
  {
    name: '滨江机械制造有限公司',
    kind: 'machinery',
    unitCode: null,
    creditCode: { prefix: '91', region: '330109', body: '79658213' },
    workforceSize: 180,
    address: '滨江市经开区创业路15号',
    workplaces: [],
    members: 0,
  },
  {
    name: '滨江市第一中学',
    kind: 'school',
    unitCode: 'BJ-NO1-HS',
    creditCode: { prefix: '12', region: '330100', body: '47004518' },
    workforceSize: 260,
    address: '滨江市滨湖区学府路1号',
    workplaces: [
      { name: '本部校区', address: '滨江市滨湖区学府路1号' },
      { name: '滨湖校区', address: '滨江市滨湖区湖滨东路200号' },
    ],
    members: 210,
  },
  {
    name: '滨江大学',
    kind: 'university',
    unitCode: 'BJ-UNIV',
    creditCode: { prefix: '12', region: '330100', body: '47001030' },
    workforceSize: 2150,
    address: '滨江市江北区大学路66号',
    workplaces: [
      { name: '江北校区', address: '滨江市江北区大学路66号' },
      { name: '南山校区', address: '滨江市南山区文苑路8号' },
    ],
    members: 380,
  },
  {
    name: '滨江大学附属医院',
    kind: 'hospital',
    unitCode: 'BJ-UNIV',
    creditCode: { prefix: '12', region: '330100', body: '47001073' },
    workforceSize: 1520,
    address: '滨江市江北区解放路300号',
    workplaces: [
      { name: '解放路院区', address: '滨江市江北区解放路300号' },
      { name: '高新院区', address: '滨江市高新区健康路18号' },
    ],
    members: 260,
  },
  {
    name: '星河物流股份有限公司滨江仓储中心',
    kind: 'warehouse',
    unitCode: 'XH-LOGI-WH',
    creditCode: { prefix: '91', region: '330110', body: '55782634' },
    workforceSize: 390,
    address: '滨江市临港物流园区星河路2号',
    workplaces: [
      { name: '一号仓', address: '滨江市临港物流园区星河路2号' },
      { name: '冷链仓', address: '滨江市临港物流园区星河路6号' },
    ],
    members: 190,
  },
  {
    name: '星河物流股份有限公司城东配送站',
    kind: 'delivery',
    unitCode: 'XH-LOGI-DLV',
    creditCode: { prefix: '91', region: '330110', body: '55782650' },
    workforceSize: 170,
    address: '滨江市城东区东环路218号',
    workplaces: [],
    members: 110,
  },
  {
    name: '万家超市连锁有限公司',
    kind: 'retail',
    unitCode: 'WJ-MART',
    creditCode: { prefix: '91', region: '330100', body: '70432718' },
    workforceSize: 940,
    address: '滨江市滨湖区人民路128号',
    workplaces: [
      { name: '人民路店', address: '滨江市滨湖区人民路128号' },
      { name: '滨江路店', address: '滨江市江北区滨江路56号' },
      { name: '高新区店', address: '滨江市高新区科创大道300号' },
      { name: '配送中心', address: '滨江市临港物流园区万家路1号' },
    ],
    members: 260,
  },
  {
    name: '滨江速达同城配送服务有限公司',
    kind: 'riders',
    unitCode: 'RIDERS-01',
    creditCode: { prefix: '91', region: '330108', body: 'MA2H7K3B' },
    workforceSize: 620,
    address: '滨江市滨湖区文化路77号',
    workplaces: [
      { name: '滨湖站', address: '滨江市滨湖区文化路77号' },
      { name: '江北站', address: '滨江市江北区北大街12号' },
    ],
    members: 95,
  },
  {
    name: '滨江骑士劳务服务有限公司',
    kind: 'riders',
    unitCode: 'RIDERS-01',
    // Riders' agencies change often; the union has not recorded this one's code yet.
    creditCode: null,
    workforceSize: null,
    address: '滨江市城东区建设路45号',
    workplaces: [],
    members: 45,
  },
  {
    name: '云帆科技有限公司',
    kind: 'software',
    unitCode: 'YF-TECH',
    creditCode: { prefix: '91', region: '330108', body: 'MA27W5QX' },
    workforceSize: 460,
    address: '滨江市高新区科创大道188号',
    workplaces: [
      { name: '科创大道总部', address: '滨江市高新区科创大道188号' },
      { name: '软件园研发中心', address: '滨江市高新区软件园B座' },
    ],
    members: 160,
  },
  {
    name: '滨江锐新材料科技有限公司',
    kind: 'materials',
    unitCode: 'XCL-PARK',
    creditCode: { prefix: '91', region: '330108', body: '08215467' },
    workforceSize: 130,
    address: '滨江市高新区新材料产业园A区3号',
    workplaces: [],
    members: 40,
  },
  {
    name: '华碳新材料有限公司',
    kind: 'materials',
    unitCode: 'XCL-PARK',
    creditCode: { prefix: '91', region: '330108', body: 'MA2CG1R7' },
    workforceSize: 85,
    address: '滨江市高新区新材料产业园B区8号',
    workplaces: [],
    members: 25,
  },
  {
    name: '博纳复合材料（滨江）有限公司',
    kind: 'materials',
    unitCode: 'XCL-PARK',
    creditCode: { prefix: '91', region: '330108', body: '58931046' },
    workforceSize: 60,
    address: '滨江市高新区新材料产业园C区1号',
    workplaces: [],
    members: 15,
  },
  {
    name: '滨江智云数据服务有限公司',
    kind: 'dataServices',
    unitCode: null,
    creditCode: { prefix: '91', region: '330108', body: 'MA2KD8N4' },
    workforceSize: 75,
    address: '滨江市高新区数据港路9号',
    workplaces: [],
    members: 0,
  },
];

/** Weighted by how common they are (per mille of the population, roughly). */
export const SURNAMES: [string, number][] = [
  ['王', 71],
  ['李', 70],
  ['张', 67],
  ['刘', 54],
  ['陈', 45],
  ['杨', 31],
  ['黄', 22],
  ['赵', 20],
  ['吴', 20],
  ['周', 19],
  ['徐', 14],
  ['孙', 14],
  ['马', 13],
  ['朱', 12],
  ['胡', 12],
  ['郭', 12],
  ['何', 11],
  ['林', 10],
  ['罗', 9],
  ['高', 9],
  ['郑', 9],
  ['梁', 8],
  ['谢', 7],
  ['宋', 6],
  ['唐', 6],
  ['许', 6],
  ['韩', 5],
  ['冯', 5],
  ['邓', 5],
  ['曹', 5],
  ['彭', 5],
  ['曾', 5],
  ['肖', 4],
  ['田', 4],
  ['董', 4],
  ['潘', 4],
  ['袁', 4],
  ['蔡', 4],
  ['蒋', 4],
  ['余', 4],
  ['于', 4],
  ['杜', 4],
  ['叶', 4],
  ['程', 3],
  ['魏', 3],
  ['苏', 3],
  ['吕', 3],
  ['丁', 3],
  ['任', 3],
  ['卢', 3],
  ['姚', 3],
  ['沈', 3],
  ['钟', 3],
  ['姜', 3],
  ['崔', 3],
  ['谭', 3],
  ['陆', 3],
  ['范', 2],
  ['汪', 2],
  ['廖', 2],
  ['石', 2],
  ['金', 2],
  ['韦', 2],
  ['贾', 2],
  ['夏', 2],
  ['付', 2],
  ['方', 2],
  ['邹', 2],
  ['熊', 2],
  ['白', 2],
  ['孟', 2],
  ['秦', 2],
  ['邱', 2],
  ['侯', 2],
  ['江', 2],
  ['尹', 2],
  ['薛', 2],
  ['闫', 2],
  ['段', 2],
  ['雷', 2],
  ['龙', 1],
  ['黎', 1],
  ['史', 1],
  ['陶', 1],
  ['贺', 1],
  ['毛', 1],
  ['郝', 1],
  ['顾', 1],
  ['龚', 1],
  ['邵', 1],
  ['万', 1],
  ['钱', 1],
  ['严', 1],
  ['戴', 1],
  ['欧阳', 1],
];

/**
 * Whole given names that were common when people were born: the older generations' (建国,
 * 秀英) and, for those born from the mid-1990s on, the newer ones (浩然, 欣怡).
 */
export const GIVEN_NAMES = {
  MALE: {
    older: Array.from(
      '建国 建华 建军 志强 志刚 国庆 国强 海涛 海波 建平 卫东 永刚 明辉 晓东 文杰 俊杰 立新 振华 德明 红军 伟东 春生 家豪 宏伟 文斌 鹏飞 晓明 志勇 金龙 天明'.split(
        ' ',
      ),
    ),
    younger: Array.from(
      '浩然 宇轩 子豪 俊熙 梓轩 浩宇 一鸣 子墨 皓轩 博文 明哲 思远 嘉诚 宇航 泽宇 天佑 子睿 俊宇 晨阳 逸飞'.split(
        ' ',
      ),
    ),
  },
  FEMALE: {
    older: Array.from(
      '秀英 桂英 玉兰 丽娟 秀兰 红梅 海燕 丽华 春梅 晓燕 丽萍 雪梅 美玲 玉梅 金凤 淑芬 艳红 晓丽 慧敏 静怡 丽娜 雅琴 秀珍 文静 佳丽 晓红 美华 玉霞 月华 丽君'.split(
        ' ',
      ),
    ),
    younger: Array.from(
      '欣怡 梓涵 雨欣 诗涵 子涵 可欣 思雨 雨萱 佳怡 一诺 语桐 若曦 紫萱 梦瑶 欣妍 依诺 静雯 嘉怡 雨桐 思琪'.split(
        ' ',
      ),
    ),
  },
};

export const MALE_NAME_CHARACTERS = Array.from(
  '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳建国志文博峰亮成东海永晨毅翔锋坤彬嘉天振立新德兵春庆荣昊睿泽轩',
);

export const FEMALE_NAME_CHARACTERS = Array.from(
  '芳娜敏静丽艳娟霞秀燕玲英丹萍红兰婷琳雪慧颖倩洁佳欣怡悦晶莉琴云梅蕾薇璐晓月雯佩妍瑶思梦露凤桂淑珍雅诗婉',
);

/** How an employer's workforce looks: job titles (weighted), share of men, age range. */
export const WORKFORCE: Record<
  EmployerKind,
  {
    /** Title, weight, and for senior titles the youngest age that holds one. */
    titles: [title: string, weight: number, minAge?: number][];
    male: number;
    ages: [number, number];
  }
> = {
  steel: {
    titles: [
      ['炼钢工', 18],
      ['轧钢工', 16],
      ['钳工', 10],
      ['电工', 10],
      ['焊工', 8],
      ['起重工', 7],
      ['设备维修工', 8],
      ['质检员', 6],
      ['安全员', 4],
      ['技术员', 6],
      ['班组长', 5, 28],
      ['仓库管理员', 2],
    ],
    male: 0.86,
    ages: [21, 58],
  },
  heavyIndustry: {
    titles: [
      ['车工', 14],
      ['钳工', 14],
      ['焊工', 12],
      ['电工', 8],
      ['装配工', 16],
      ['铸造工', 8],
      ['数控操作工', 10],
      ['质检员', 6],
      ['工艺员', 5],
      ['班组长', 5, 28],
      ['安全员', 2],
    ],
    male: 0.8,
    ages: [21, 58],
  },
  machinery: {
    titles: [
      ['钳工', 3],
      ['车工', 3],
      ['电工', 2],
      ['装配工', 3],
    ],
    male: 0.8,
    ages: [22, 55],
  },
  school: {
    titles: [
      ['教师', 70],
      ['教研组长', 6, 32],
      ['行政人员', 8],
      ['实验员', 4],
      ['校医', 2],
      ['图书管理员', 2],
      ['后勤保障员', 8],
    ],
    male: 0.33,
    ages: [23, 58],
  },
  university: {
    titles: [
      ['讲师', 26],
      ['副教授', 18, 35],
      ['教授', 9, 45],
      ['辅导员', 10],
      ['实验员', 8],
      ['行政人员', 16],
      ['图书馆员', 5],
      ['后勤保障员', 8],
    ],
    male: 0.52,
    ages: [25, 59],
  },
  hospital: {
    titles: [
      ['护士', 30],
      ['护师', 18, 25],
      ['主管护师', 10, 30],
      ['医师', 14],
      ['主治医师', 10, 30],
      ['药剂师', 5],
      ['检验技师', 5],
      ['行政人员', 8],
    ],
    male: 0.25,
    ages: [22, 56],
  },
  warehouse: {
    titles: [
      ['分拣员', 30],
      ['仓库管理员', 14],
      ['叉车司机', 14],
      ['装卸工', 20],
      ['调度员', 8],
      ['班组长', 6, 28],
    ],
    male: 0.74,
    ages: [20, 55],
  },
  delivery: {
    titles: [
      ['快递员', 55],
      ['配送司机', 22],
      ['调度员', 8],
      ['站点主管', 4, 28],
    ],
    male: 0.85,
    ages: [20, 52],
  },
  retail: {
    titles: [
      ['收银员', 26],
      ['理货员', 24],
      ['导购员', 14],
      ['生鲜加工员', 12],
      ['防损员', 8],
      ['仓储员', 8],
      ['店长', 3, 28],
    ],
    male: 0.36,
    ages: [19, 55],
  },
  riders: {
    titles: [
      ['外卖骑手', 80],
      ['配送员', 14],
      ['站长', 4, 25],
    ],
    male: 0.93,
    ages: [19, 48],
  },
  software: {
    titles: [
      ['软件工程师', 34],
      ['前端工程师', 14],
      ['测试工程师', 12],
      ['运维工程师', 7],
      ['产品经理', 10, 26],
      ['UI设计师', 6],
      ['数据分析师', 7],
      ['行政专员', 5],
      ['销售经理', 5, 26],
    ],
    male: 0.68,
    ages: [22, 45],
  },
  materials: {
    titles: [
      ['操作工', 40],
      ['工艺工程师', 10, 25],
      ['研发工程师', 12, 24],
      ['质检员', 12],
      ['设备维修工', 10],
      ['电工', 6],
      ['安全员', 4],
    ],
    male: 0.66,
    ages: [21, 56],
  },
  dataServices: {
    titles: [
      ['数据标注员', 4],
      ['数据分析师', 2],
      ['运维工程师', 1],
    ],
    male: 0.55,
    ages: [21, 40],
  },
};

/**
 * Where people's resident IDs were issued (GB/T 2260 region codes). The demo city's people
 * carry 杭州 district codes; the rest came from elsewhere in the province and from the
 * provinces that send many workers to it. Couriers and riders are more often from away.
 */
export const LOCAL_REGIONS = ['330102', '330105', '330106', '330108', '330109', '330110'];
export const PROVINCE_REGIONS = ['330381', '330481', '330681', '330782', '331081', '330902'];
export const MIGRANT_REGIONS = [
  '341221',
  '341321',
  '411522',
  '411323',
  '360721',
  '430521',
  '510821',
  '522121',
  '421182',
  '362330',
];

/** Mainland mobile prefixes of the three carriers. */
export const MOBILE_PREFIXES = [
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '147',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '182',
  '183',
  '187',
  '188',
  '198',
  '130',
  '131',
  '132',
  '155',
  '156',
  '166',
  '176',
  '185',
  '186',
  '133',
  '153',
  '173',
  '177',
  '180',
  '181',
  '189',
  '199',
];

/** Status-change reasons an officer would write. */
export const REASONS = {
  lapse: ['连续六个月未缴纳会费', '长期联系不上，会费未缴', '劳动合同到期后未续缴会费'],
  reinstate: ['已补缴会费，恢复会籍', '重新建立联系并补缴会费'],
  suspend: ['违反工会章程，经工会委员会研究暂停会籍', '本人长期离岗，暂停会籍待核实'],
  resignByMember: ['本人申请退会', '个人原因申请退会'],
  resignByOfficer: ['调离本单位，会籍转出', '解除劳动合同，办理退会', '退休，办理退会'],
};
