// Names for the demo group, modelled on the reference case (西宁市第一医疗集团, 大通县):
// one HQ hospital, three county hospitals, 30 township/community centres, 289 village clinics.

export const HQ = { code: 'HQ', name: '西宁市第一人民医院', region: '西宁市' };

export const BRANCHES = [
  { code: 'B1', name: '大通县人民医院', region: '大通县' },
  { code: 'B2', name: '大通县中医院', region: '大通县' },
  { code: 'B3', name: '大通县第二人民医院', region: '大通县' },
];

/** Township names: [name, kind]; how many sit under each branch, and villages per township, are uneven as real ones are. */
export const TOWNSHIPS: [string, 'township' | 'community'][] = [
  ['桥头镇中心卫生院', 'township'],
  ['城关镇卫生院', 'township'],
  ['塔尔镇卫生院', 'township'],
  ['东峡镇卫生院', 'township'],
  ['黄家寨镇中心卫生院', 'township'],
  ['长宁镇卫生院', 'township'],
  ['景阳镇卫生院', 'township'],
  ['多林镇卫生院', 'township'],
  ['新庄镇卫生院', 'township'],
  ['青林乡卫生院', 'township'],
  ['青山乡卫生院', 'township'],
  ['逊让乡卫生院', 'township'],
  ['极乐乡卫生院', 'township'],
  ['石山乡卫生院', 'township'],
  ['宝库乡卫生院', 'township'],
  ['斜沟乡卫生院', 'township'],
  ['良教乡卫生院', 'township'],
  ['向化藏族乡卫生院', 'township'],
  ['桦林乡卫生院', 'township'],
  ['朔北藏族乡卫生院', 'township'],
  ['城关社区卫生服务中心', 'community'],
  ['桥头社区卫生服务中心', 'community'],
  ['园林社区卫生服务中心', 'community'],
  ['新添堡社区卫生服务中心', 'community'],
  ['毛家寨社区卫生服务中心', 'community'],
  ['后子河镇卫生院', 'township'],
  ['煤窑沟社区卫生服务中心', 'community'],
  ['老营庄社区卫生服务中心', 'community'],
  ['上寺社区卫生服务中心', 'community'],
  ['窎沟社区卫生服务中心', 'community'],
];

/** Townships per branch (sums to 30). */
export const TOWNSHIPS_PER_BRANCH = [13, 10, 7];

/** Villages per township (sums to 289): big rural townships carry many, urban community centres few. */
export const VILLAGES_PER_TOWNSHIP = [19, 10, 16, 14, 18, 13, 13, 14, 14, 11, 12, 11, 10, 12, 13, 10, 9, 11, 9, 10, 3, 4, 2, 3, 4, 12, 3, 2, 4, 3];

/**
 * Village names, township by township in the order of TOWNSHIPS (as many as VILLAGES_PER_TOWNSHIP
 * says), as the county's villages carry them: a family's settlement (贺家寨), the lie of the land
 * (柳树湾, 红崖湾), an old post or fort (衙门庄, 营盘湾), Tibetan and Tu names in the hills and the
 * Tibetan townships (扎麻隆, 他日哇), the 1950s' names (团结, 胜利). All different, and no stem
 * repeated with a direction (上/下/东/西…) in front.
 */
export const VILLAGE_NAMES: readonly string[][] = [
  '元树尔 向阳堡 庙沟 贺家寨 沙布尔 新民 安门滩 煤洞沟 毛家沟 胡基沟 红崖湾 柳树庄 杨家寨 晁家寨 杏花园 水磨湾 拉斯 南门滩 娘娘山', // 桥头镇中心卫生院
  '柳林滩 沙家 下曹 林家台 广惠寺 新平 关跃 石头磊 祁家寨 铁家营', // 城关镇卫生院
  '塔尔沟 龙园 牙合 梅家 旧庄 小寺 麻地沟 窑洞庄 白崖 陶家寨 黑泉 山城 羊圈沟 韭菜沟 雷家沟 仓家峡', // 塔尔镇卫生院
  '衙门庄 铁迭 刘家庄 克麻 药草台 元墩子 田家寨 尖巴昂 泉沟台 康乐 多隆 灯草台 扎汉 桑士哥', // 东峡镇卫生院
  '黄家寨 鲍家堡 纳家 胜利 阳山 王家庄 哈家嘴 大路 烽火 甘家堡 孔家梁 马场 柏木峡 二道沟 芦草沟 郭家堡 石崖庄 殷家沟', // 黄家寨镇中心卫生院
  '长宁 井冈 鲍家庄 新添 尕漏 常家湾 黄西 双泉 磨尔沟 苏家河湾 上衙门 红土湾 后沟', // 长宁镇卫生院
  '景阳 土关 苏家堡 寺沟 叶林 兰冲 泉湾 中岭 金冲 拉拉口 甘禅 湾阳 宝山', // 景阳镇卫生院
  '多林 扎麻隆 浪加 哈门 纳隆 吉家岭 麻家沟 汉水沟 曲卜藏 夏群 北山根 尕让 科隆 卡阳', // 多林镇卫生院
  '新庄 孔家湾 包勒 麻其 峡口 阳坡台 张家湾 旱台 拉卡 加多 老虎沟 杏树庄 窑沟 大滩', // 新庄镇卫生院
  '青林 卡子沟 崖头 将台 苏吉 拉洞 先锋 沟脑 阿家庄 班隆 台子', // 青林乡卫生院
  '青山 古城 柳树湾 蒙古道 大滩口 沙窝 营盘湾 红星 河沿 峡塘 星家 平顶', // 青山乡卫生院
  '逊让 白崖沟 麻家 红土沟 哇麻 拉隆 贡巴 沙尔湾 东风 科尔庄 维新', // 逊让乡卫生院
  '极乐 团结 光明 红山 老营 索尔干 黑林 湾子 扎隆沟 寺尔', // 极乐乡卫生院
  '石山 和平 吉隆 窑庄 水草沟 马圈沟 永丰 大寨子 朱家山 铁城 尕坪 石灰窑', // 石山乡卫生院
  '宝库 俄博图 峡门 哈田 祁汉沟 巴彦 张家滩 寺塘 麻其台 纳拉 克图 察汗河 沙尔庄', // 宝库乡卫生院
  '斜沟 窎沟门 棉格勒 阿直沟 吊沟 吉岔 朱家堡 尕沟台 两岔 松树庄', // 斜沟乡卫生院
  '良教 上治泉 石庄 沙塄 加定 北川 甘沟 桥尔沟 杨家湾', // 良教乡卫生院
  '向化 阿家堡 鹞子沟 将军沟 甘树湾 泉沟 才让塘 卓扎滩 达隆 加拉 措隆', // 向化藏族乡卫生院
  '桦林 东滩 他日哇 松林 马家沟 元山 旋子 鸽子沟 石门', // 桦林乡卫生院
  '朔北 边麻沟 东至沟 代同庄 藏龙 苏木莲 阿家湾 扎布 吾具 拉木', // 朔北藏族乡卫生院
  '南关 西街 教场', // 城关社区卫生服务中心
  '新城 滨河 解放 红光', // 桥头社区卫生服务中心
  '园林 花园', // 园林社区卫生服务中心
  '新添堡 西山 赵家', // 新添堡社区卫生服务中心
  '毛家寨 李家堡 车站 东升', // 毛家寨社区卫生服务中心
  '后子河 贾尔藏 乔家 新胜 麻什藏 甘家山 雪里沟 金星 尕加 沙沟 红岭 赵家寨', // 后子河镇卫生院
  '煤窑沟 黑嘴 石板沟', // 煤窑沟社区卫生服务中心
  '老营庄 柳湾', // 老营庄社区卫生服务中心
  '上寺 窑坡 马家台 陈家滩', // 上寺社区卫生服务中心
  '窎沟 泉尔湾 元朔', // 窎沟社区卫生服务中心
].map((names) => names.split(' '));

/**
 * The n-th level-4 unit (0-based, in township order): a village's clinic (村卫生室), or under an
 * urban community health centre (社区卫生服务中心) a community health station (社区卫生服务站).
 */
export function villageName(n: number): string {
  let k = n;
  const t = VILLAGE_NAMES.findIndex((names) => (k -= names.length) < 0);
  return `${VILLAGE_NAMES.flat()[n]}${TOWNSHIPS[t][1] === 'community' ? '社区卫生服务站' : '村卫生室'}`;
}

/** The place a level-4 unit serves, as an address or a team names it: 南关社区, 元树尔村. */
export const placeOf = (unitName: string) => unitName.replace(/社区卫生服务站$/, '社区').replace(/卫生室$/, '');

/** What its doctor is called after the place: 元树尔村村医, 南关社区医生. */
export const doctorTitleOf = (unitName: string) => (unitName.endsWith('社区卫生服务站') ? '医生' : '村医');

export const DEPARTMENTS: Record<string, [string, string][]> = {
  hq: [
    ['心血管内科', 'clinical'],
    ['呼吸内科', 'clinical'],
    ['消化内科', 'clinical'],
    ['神经内科', 'clinical'],
    ['内分泌科', 'clinical'],
    ['普外科', 'clinical'],
    ['骨科', 'clinical'],
    ['妇产科', 'clinical'],
    ['儿科', 'clinical'],
    ['急诊科', 'clinical'],
    ['康复医学科', 'clinical'],
    ['全科医学科', 'clinical'],
    ['医学影像科', 'medical_technology'],
    ['检验科', 'medical_technology'],
    ['护理部', 'nursing'],
    ['药剂科', 'pharmacy'],
    ['财务管理中心', 'administration'],
    ['人力资源部', 'administration'],
    ['药械采购中心', 'administration'],
    ['健康管理部', 'public_health'],
    ['双向转诊办公室', 'administration'],
  ],
  branch: [
    ['内科', 'clinical'],
    ['外科', 'clinical'],
    ['妇产科', 'clinical'],
    ['儿科', 'clinical'],
    ['急诊科', 'clinical'],
    ['康复科', 'clinical'],
    ['放射科', 'medical_technology'],
    ['检验科', 'medical_technology'],
    ['护理部', 'nursing'],
    ['药剂科', 'pharmacy'],
    ['双向转诊办公室', 'administration'],
    ['办公室', 'administration'],
  ],
  township: [
    ['全科', 'clinical'],
    ['中医科', 'clinical'],
    ['公共卫生科', 'public_health'],
    ['药房', 'pharmacy'],
    ['检验室', 'medical_technology'],
    ['办公室', 'administration'],
  ],
  village: [],
};
