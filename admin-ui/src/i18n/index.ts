import polyglotI18nProvider from 'ra-i18n-polyglot';
import { domains, pageAllowed, type DomainModule } from '../registry';
import { storedUser, type CurrentUser } from '../session';
import { chinese as baseChinese } from './zh';
import { mergeMessages } from './merge';
import * as notifications from '../notifications/messages';

// Each domain brings its own messages (registry `messages`), loaded for the users who work in it:
// a village doctor's first load on a weak network carries the shell's Chinese and that of their
// own domains (health, referrals …), not the settlement's claim columns or the pharmacist's rules.
// The English ones are loaded when a user chooses English.
let chinese = mergeMessages(baseChinese, notifications.zh);
const loaded = new Set<DomainModule>();

/**
 * The domains whose words the user's screens show: each holding a resource the user has a
 * permission on, a page or a home widget of theirs. A reader of the audit log gets all (it names
 * every domain's records).
 */
function domainsOf(user: CurrentUser | null): DomainModule[] {
  if (!user) return [];
  const granted = new Set(user.permissions.map((p) => p.resource));
  if (granted.has('audit-log')) return domains;
  return domains.filter(
    (d) =>
      d.resources.some((r) => granted.has(r.name)) ||
      (d.pages ?? []).some((p) => pageAllowed(p, user)) ||
      (d.dashboardWidgets ?? []).some((w) => granted.has(w.resource)),
  );
}

/** Where the route-preload script (admin-ui/vite.config.ts) finds the domains whose messages to fetch beside the shell. */
const domainsKey = (userId: number) => `erp.domains:${userId}`;

/** Loads the Chinese messages of the user's domains not loaded yet, before their screens are drawn (app start, login). */
export async function loadMessagesFor(user = storedUser()) {
  const wanted = domainsOf(user);
  if (user) localStorage.setItem(domainsKey(user.id), JSON.stringify(wanted.map((d) => d.group)));
  const missing = wanted.filter((d) => d.messages && !loaded.has(d));
  if (!missing.length) return;
  const parts = await Promise.all(missing.map((d) => d.messages!.zh()));
  for (const d of missing) loaded.add(d);
  chinese = mergeMessages(chinese, ...parts);
  // the provider reads its catalogue when a locale is set: set Chinese again to take the new words
  if (i18nProvider.getLocale() === 'zh-CN') await i18nProvider.changeLocale('zh-CN');
}

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
