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

const VILLAGE_STEMS = [
  '上',
  '下',
  '东',
  '西',
  '前',
  '后',
  '新',
  '老',
  '大',
  '小',
  '杨家',
  '李家',
  '王家',
  '马家',
  '张家',
  '赵家',
  '陈家',
  '韩家',
  '祁家',
  '鲍家',
  '刘家',
  '朱家',
  '吴家',
  '郭家',
  '石',
  '沙',
  '柳',
  '红',
  '青',
  '白',
];
const VILLAGE_ENDS = ['庄', '寨', '沟', '湾', '滩', '堡', '台', '岔', '河', '崖', '坪', '山'];

/** A plausible village name for the n-th village (deterministic, no repeats within the group). */
export function villageName(n: number): string {
  const stem = VILLAGE_STEMS[n % VILLAGE_STEMS.length];
  const end = VILLAGE_ENDS[Math.floor(n / VILLAGE_STEMS.length) % VILLAGE_ENDS.length];
  return `${stem}${end}村卫生室`;
}

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
