// The health data sign-off's lists (健康数据审核), apart from the settlement's other lists: the
// village doctor's sign-off screen loads their labels without the settlement's (admin-ui/src/i18n).
import { defineEnum, type EnumValue } from '../../core/enums';

/** Who signs off a month's health data (健康数据审核), bottom-up: the village clinic's doctor, the township centre's director, the group. */
export const SIGNOFF_LEVEL = defineEnum('signoff_level', {
  village: { zh: '村卫生室', en: 'Village clinic' },
  township: { zh: '乡镇卫生院', en: 'Township centre' },
  group: { zh: '医共体', en: 'Medical group' },
});
export type SignoffLevel = EnumValue<typeof SIGNOFF_LEVEL>;
/** A month of a unit on the sign-off page: not over yet, waiting for its sign-off, or signed. */
export const SIGNOFF_STATE = defineEnum('signoff_state', {
  not_over: { zh: '未到期', en: 'Month not over' },
  open: { zh: '待审核', en: 'Awaiting sign-off' },
  signed: { zh: '已审核', en: 'Signed off' },
});
export type SignoffState = EnumValue<typeof SIGNOFF_STATE>;
