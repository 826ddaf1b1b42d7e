import polyglotI18nProvider from 'ra-i18n-polyglot';
import { english } from './en';
import { chinese } from './zh';

export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? english : chinese),
  'zh-CN',
  [
    { locale: 'zh-CN', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);
