// Synthetic but realistic member names: Chinese surnames at roughly their census frequencies,
// given names of one or two characters drawn with a Zipf skew (a few characters such as 伟 and
// 芳 are very common), some compound surnames, Uyghur-style names with a middle dot, and a few
// Latin names. Search cost depends on how common a character is, so the skew matters.
import type { Random } from './random';

/** Surname, weight in per mille of the population (rounded census figures). */
const SURNAMES: [string, number][] = [
  ['王', 71],
  ['李', 70],
  ['张', 64],
  ['刘', 54],
  ['陈', 45],
  ['杨', 31],
  ['黄', 22],
  ['赵', 22],
  ['吴', 20],
  ['周', 19],
  ['徐', 17],
  ['孙', 15],
  ['马', 15],
  ['朱', 13],
  ['胡', 13],
  ['郭', 12],
  ['何', 12],
  ['高', 11],
  ['林', 11],
  ['罗', 10],
  ['郑', 9],
  ['梁', 9],
  ['谢', 8],
  ['宋', 8],
  ['唐', 8],
  ['许', 7],
  ['韩', 7],
  ['冯', 7],
  ['邓', 7],
  ['曹', 7],
  ['彭', 6],
  ['曾', 6],
  ['肖', 6],
  ['田', 6],
  ['董', 5],
  ['袁', 5],
  ['潘', 5],
  ['于', 5],
  ['蒋', 5],
  ['蔡', 5],
  ['余', 5],
  ['杜', 5],
  ['叶', 4],
  ['程', 4],
  ['苏', 4],
  ['魏', 4],
  ['吕', 4],
  ['丁', 4],
  ['任', 4],
  ['沈', 4],
  ['姚', 4],
  ...Array.from('卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹', (s): [string, number] => [
    s,
    3,
  ]),
  ...Array.from('薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤', (s): [string, number] => [
    s,
    2,
  ]),
  ...Array.from(
    '常温康施牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
    (s): [string, number] => [s, 0.5],
  ),
];

const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
];

/**
 * About 560 given-name characters, most common first, drawn with a Zipf weight 1/(rank + 20):
 * the commonest is in about 2.5% of names, as 英 or 华 are in census samples, and a full name
 * such as 张伟 stays in the hundreds per million.
 */
const GIVEN = Array.from(
  new Set(
    Array.from(
      '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰文辉建海红鹏飞斌宇浩凯健俊帆帅旭宁龙林欣佳婷雪琳晨阳丹颖倩慧莉萍梅燕玲芬琴云莹洁蕾薇菲露瑶怡婕馨璐晶妍茜岚荣鑫博昊宏志国峰亮波毅辰晓子梓涵轩睿泽宸铭昕瑞嘉航一可思雨语若诗梦悦彤婧琪萱妮蓉琦冰雅月春秋冬夏霖泉山江河松柏杨树德仁义礼智信忠孝安康福寿喜庆祥瑜珊璇瑾琼琰珍珠宝金银铁钢成功立新振兴家宗永长远光大中小少卫东南西北天地人和正清学生先保贵发达顺利凤翠娥莲香菊荷桃杏梨霄星晖耀彬彪虎豹鸿鹤鹰青苗禾田农工兵民众群团结胜跃进援朝方向锦绣程鸣卓越凡然哲聪颂歌韵律舒展望淑惠爱美艺彩娇媛婉娴嫣姗姝妙姣琬瑛璟瑗琨琛珺珏婵姿妤娅嫚媚楠柔蓓蕊芝芸芷苓茹荔莎菡萌蔚潇澜滢漪淼润湘溪沁浪涌淳源鸥凌霜雯雁翔翼羽翎腾骏驰驹骐骁骞彦昭晟晗晔晴暄暖曦朗昆昱昌晋显景曜炜烨焕煜熙燃炳灿烁炎坤垚培基城堂壮均坚增墨嵩峻岩岭崇峥巍嵘岳屹川州希常幸年广庄廷弘彰影征得御心念恒恩恬悠惟慈懿戈战扬承捷敦斐施旋旗时旺昂易普曼木本杉材果枫柳栋桐桦梁森楚楷榕樱欢武池汉汝沛沧治泓法泰洪津洲渊温港湖溢滨潮澄灵烈煌爽璋璞环玮珂畅皓益盛真祖禄禹科稳穗竹笑策简精素紫纯纶纹绍绮维缘羲翰育舟良芮花苍茂范茵蒙蓝蕴虹蝶行衡裕誉言诚谊谦谨豪贝贞贤赞起路迎迪通逸遥道邦郁鉴钟钰锋镇闻隆雄非音风飘首馥高魁黎默',
    ),
  ),
);

const UYGHUR_GIVEN = [
  '阿依古丽',
  '努尔兰',
  '古丽娜尔',
  '买买提',
  '阿不都',
  '热依拉',
  '迪丽娜尔',
  '艾尔肯',
  '帕提古丽',
  '吐尔洪',
];
const UYGHUR_FAMILY = [
  '买买提',
  '吐尔逊',
  '艾力',
  '阿不拉',
  '热合曼',
  '依明',
  '卡德尔',
  '肉孜',
  '托合提',
  '玉素甫',
];

const LATIN_FIRST = [
  'Anna',
  'John',
  'Maria',
  'David',
  'Olga',
  'Ivan',
  'Sarah',
  'Peter',
  'Nguyen Van',
  'Kim',
  'Aliya',
  'Tom',
];
const LATIN_LAST = [
  'Müller',
  'Smith',
  'Petrov',
  'Lee',
  'Tran',
  'Garcia',
  'Kowalski',
  'Park',
  'Novak',
  'Ivanova',
  'Brown',
  'Sato',
];

/** Cumulative weights for fast weighted draws. */
function cumulative(weights: number[]): Float64Array {
  const sums = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, index) => {
    total += weight;
    sums[index] = total;
  });
  return sums;
}

function draw<T>(random: Random, items: readonly T[], sums: Float64Array): T {
  const target = random.next() * (sums[sums.length - 1] ?? 0);
  let low = 0;
  let high = sums.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sums[mid] ?? 0) < target) low = mid + 1;
    else high = mid;
  }
  const item = items[low];
  if (item === undefined) throw new Error('weighted draw out of range');
  return item;
}

const surnameSums = cumulative(SURNAMES.map(([, weight]) => weight));
const surnames = SURNAMES.map(([surname]) => surname);
const givenSums = cumulative(GIVEN.map((_, rank) => 1 / (rank + 20)));

/** One member's name. */
export function memberName(random: Random): string {
  const kind = random.next();
  if (kind < 0.01) return `${random.pick(LATIN_FIRST)} ${random.pick(LATIN_LAST)}`;
  if (kind < 0.02) return `${random.pick(UYGHUR_GIVEN)}·${random.pick(UYGHUR_FAMILY)}`;
  const surname =
    kind < 0.03 ? random.pick(COMPOUND_SURNAMES) : draw(random, surnames, surnameSums);
  const first = draw(random, GIVEN, givenSums);
  // About three in ten Chinese given names have one character, the rest two.
  return random.next() < 0.3
    ? `${surname}${first}`
    : `${surname}${first}${draw(random, GIVEN, givenSums)}`;
}
