// The health data sign-off's words in English, loaded when a user switches to English.
import { enumMessages } from '../../../../api/core/enums';
import { SIGNOFF_LEVEL, SIGNOFF_STATE } from '../../../../api/settlement/signoffs/enums';
import type { zh } from './messages';

export const en: typeof zh = {
  menu: {
    health_signoffs: 'Health data sign-off',
  },
  resources: {
    'health-signoffs': { name: 'Health data sign-off' },
  },
  settlement: {
    signoff: {
      title: 'Health data sign-off',
      year: 'Year',
      unit: 'Unit',
      month_n: 'M%{n}',
      below: 'below %{n}/%{of}',
      sign: 'Sign off',
      withdraw: 'Withdraw',
      back: 'Back to the group',
      order:
        'Signed off bottom-up: village clinic → township centre → medical group; a level withdraws while the level above has not signed. The final run uses only months the group signed off',
      signed: '%{unit} %{period} signed off',
      withdrawn: '%{unit} %{period} sign-off withdrawn',
    },
    rules: {
      month_not_over: '%{period} is not over yet: sign it off once it ends',
      already_signed: '%{period} is already signed off',
      below_not_signed: '%{period}: %{count} unit(s) below have not signed off: %{units}',
      not_signed: '%{period} is not signed off',
      above_signed: '%{period} is signed off above (%{unit}): that level withdraws first',
      not_a_signing_unit: 'This unit signs off no health data (village clinics, township centres and the group do)',
      not_the_signer: 'The %{level} level is signed off by its own unit’s signer',
    },
  },
  ...enumMessages('en', SIGNOFF_LEVEL, SIGNOFF_STATE),
};
