import polyglotI18nProvider from 'ra-i18n-polyglot';
import { domains } from '../registry';
import { chinese as baseChinese } from './zh';
import { mergeMessages } from './merge';
import * as notifications from '../notifications/messages';

// each domain brings its own messages (registry `messages`). The English ones are loaded when a
// user chooses English: a village doctor's first load on a weak network carries only Chinese.
const chinese = mergeMessages(baseChinese, notifications.zh, ...domains.map((d) => d.messages?.zh ?? {}));
const english = async () =>
  mergeMessages(
    (await import('./en')).english,
    (await import('../notifications/messages.en')).en,
    ...(await Promise.all(domains.flatMap((d) => (d.messages ? [d.messages.en()] : [])))),
  );

export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? english() : chinese),
  'zh-CN',
  [
    { locale: 'zh-CN', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);
