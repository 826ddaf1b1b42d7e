// The health data sign-off's words (健康数据审核), apart from the settlement's: loaded for the users of
// its page alone (registry PageEntry.messages) — a village doctor signs off without the settlement's words.
import { enumMessages } from '../../../../api/core/enums';
import { SIGNOFF_LEVEL, SIGNOFF_STATE } from '../../../../api/settlement/signoffs/enums';

export const zh = {
  menu: {
    health_signoffs: '健康数据审核',
  },
  resources: {
    'health-signoffs': { name: '健康数据审核' },
  },
  settlement: {
    signoff: {
      title: '健康数据审核',
      year: '年度',
      unit: '单位',
      month_n: '%{n}月',
      below: '下级 %{n}/%{of}',
      sign: '审核',
      withdraw: '撤回',
      back: '返回全集团',
      order: '自下而上逐级审核：村卫生室 → 乡镇卫生院 → 医共体；上级未审核时本级可撤回。年终清算只使用医共体已审核的月份',
      signed: '%{unit} %{period} 已审核',
      withdrawn: '%{unit} %{period} 已撤回审核',
    },
    rules: {
      month_not_over: '%{period} 尚未结束，月份结束后才能审核',
      already_signed: '%{period} 已审核',
      below_not_signed: '%{period}：下级还有 %{count} 个单位未审核：%{units}',
      not_signed: '%{period} 尚未审核，无需撤回',
      above_signed: '%{period} 上级已审核（%{unit}），请先由上级撤回',
      not_a_signing_unit: '该单位不参与健康数据审核（由村卫生室、乡镇卫生院和医共体审核）',
      not_the_signer: '%{level}一级只能由本单位的审核人审核',
    },
  },
  ...enumMessages('zh', SIGNOFF_LEVEL, SIGNOFF_STATE),
};
