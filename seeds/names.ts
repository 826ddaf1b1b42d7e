// People's names for the demo, drawn by sex: Han and Hui surnames as common in 大通县 (马, 祁, 韩
// and 鲍 more than in the country at large), given names from characters a family would choose for
// a boy or for a girl, and Tibetan names (no surname) for the people of the Tibetan townships.
// Deterministic: each draw takes the same number of random numbers whatever it picks.
import { pick, type Rng } from '../api/shared/random';

export type Sex = 'M' | 'F';

/** Surnames, the commonest listed more than once (马 and 李 the most frequent in the county). */
export const SURNAMES = [
  ...'马马马李李李王王王张张张刘刘陈陈杨杨赵赵祁祁韩韩鲍朱冶胡郭何高孙吴徐黄周谢宋唐许冯邓曹彭田董袁苏魏吕丁任沈姚卢鲁星安晁蒲铁白喇雷贾孔汪乔严史侯'.split(''),
];
/** Characters of boys' given names. */
export const MALE_GIVEN = '伟强磊军勇杰涛明超刚鹏辉建国斌海峰浩志远生福德发顺龙俊波文武林成忠学义永贵有富全庆祥荣宏亮新卫东兵宝山元晨宇鑫彬岩'.split('');
/** Characters of girls' given names. */
export const FEMALE_GIVEN = '芳娜敏静丽艳娟秀霞桂英玉兰萍红梅燕玲丹雪琴慧婷欣佳花凤莲珍琳洁倩月菊翠香颖妍莉蓉怡'.split('');
/** Tibetan given names (used without a surname). */
export const TIBETAN_MALE = ['多杰', '扎西', '才让', '更登', '完德', '旦正', '索南', '尖措', '公保', '加措', '仁青', '周加', '桑杰', '南加'];
export const TIBETAN_FEMALE = ['卓玛', '拉毛', '措毛', '央金', '才吉', '德吉', '拉姆', '周毛', '吉毛', '卓嘎', '娘吉', '班玛吉'];

/**
 * A Han or Hui name for someone of `sex`: surname, one given character and, six times in ten, a
 * second. The same draws in the same order as the unsexed `surname + given + (0.6: given)` it
 * replaces, so swapping it in leaves every later draw of that generator unchanged.
 */
export function personName(rng: Rng, sex: Sex): string {
  const given = sex === 'M' ? MALE_GIVEN : FEMALE_GIVEN;
  const surname = pick(rng, SURNAMES);
  const first = pick(rng, given);
  return rng() < 0.6 ? surname + first + pick(rng, given) : surname + first;
}

/** A Tibetan name for someone of `sex`: one name, or (one in four) a two-part one such as 才让卓玛. */
export function tibetanName(rng: Rng, sex: Sex): string {
  const own = pick(rng, sex === 'M' ? TIBETAN_MALE : TIBETAN_FEMALE);
  const before = pick(rng, ['才让', '索南', '拉旦', '仁增']);
  return rng() < 0.25 && !own.startsWith(before) ? before + own : own;
}

/**
 * Share of Tibetan names among the people of a township, by its code, wherever they appear (the
 * insured on claims, residents and their households, referral patients): the two 藏族乡 (T18 向化,
 * T20 朔北) most, the pastoral 多林 (T08) and 宝库 (T15) some, elsewhere a few.
 */
export const TIBETAN_SHARE: Readonly<Record<string, number>> = { T18: 0.7, T20: 0.7, T08: 0.3, T15: 0.3 };
export const tibetanShare = (townshipCode: string | undefined) => (townshipCode === undefined ? 0.02 : (TIBETAN_SHARE[townshipCode] ?? 0.02));

/** A Tibetan name (one of the lists, perhaps with a first part before it), not a Han or Hui one. */
export const isTibetanName = (name: string) => [...TIBETAN_MALE, ...TIBETAN_FEMALE].some((t) => name.endsWith(t));

/** The given name's characters are all of `sex`'s list (a Tibetan name: of its list of names). */
export function nameFitsSex(name: string, sex: Sex): boolean {
  const tibetan = sex === 'M' ? TIBETAN_MALE : TIBETAN_FEMALE;
  if (tibetan.some((t) => name.endsWith(t))) return true;
  const given = sex === 'M' ? MALE_GIVEN : FEMALE_GIVEN;
  return name.length >= 2 && [...name.slice(1)].every((c) => given.includes(c));
}
