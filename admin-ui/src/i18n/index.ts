import polyglotI18nProvider from 'ra-i18n-polyglot';
import { domains, pageAllowed, type DomainMessages, type DomainModule } from '../registry';
import { storedUser, type CurrentUser } from '../session';
import { chinese as baseChinese } from './zh';
import { mergeMessages } from './merge';
import * as notifications from '../notifications/messages';

// Each domain brings its own messages (registry `messages`), loaded for the users who work in it, and
// a page may bring its own (PageEntry.messages): a village doctor's first load on a weak network
// carries the shell's Chinese and that of their own domains (health, referrals …) and pages (the
// health data sign-off), not the settlement's claim columns or the pharmacist's rules.
// The English ones are loaded when a user chooses English.
let chinese = mergeMessages(baseChinese, notifications.zh);

/** A catalogue to load: a domain's (named by its menu group) or one page's own (named by its module). */
interface Catalogue {
  name: string;
  messages: DomainMessages;
}

const pageCatalogues = (d: DomainModule, user: CurrentUser | null, all: boolean): Catalogue[] =>
  (d.pages ?? []).flatMap((p) => (p.messages && (all || pageAllowed(p, user)) ? [{ name: p.messages.module, messages: p.messages }] : []));

/**
 * The catalogues whose words the user's screens show: a domain's for a user holding a permission on
 * one of its resources, a home widget of theirs or a page without words of its own; a page's own
 * for the users of that page. A reader of the audit log gets all (it names every domain's records).
 */
function cataloguesOf(user: CurrentUser | null): Catalogue[] {
  if (!user) return [];
  const granted = new Set(user.permissions.map((p) => p.resource));
  const all = granted.has('audit-log');
  return domains.flatMap((d) => {
    const works =
      all ||
      d.resources.some((r) => granted.has(r.name)) ||
      (d.dashboardWidgets ?? []).some((w) => granted.has(w.resource)) ||
      (d.pages ?? []).some((p) => !p.messages && pageAllowed(p, user));
    return [...(works && d.messages ? [{ name: d.group, messages: d.messages }] : []), ...pageCatalogues(d, user, all)];
  });
}

/** Where the route-preload script (admin-ui/vite.config.ts) finds the catalogues to fetch beside the shell. */
const cataloguesKey = (userId: number) => `erp.catalogues:${userId}`;
const loaded = new Set<string>();

/** Loads the Chinese catalogues of the user not loaded yet, before their screens are drawn (app start, login). */
export async function loadMessagesFor(user = storedUser()) {
  const wanted = cataloguesOf(user);
  if (user) localStorage.setItem(cataloguesKey(user.id), JSON.stringify(wanted.map((c) => c.name)));
  const missing = wanted.filter((c) => !loaded.has(c.name));
  if (!missing.length) return;
  const parts = await Promise.all(missing.map((c) => c.messages.zh()));
  for (const c of missing) loaded.add(c.name);
  chinese = mergeMessages(chinese, ...parts);
  // the provider reads its catalogue when a locale is set: set Chinese again to take the new words
  if (i18nProvider.getLocale() === 'zh-CN') await i18nProvider.changeLocale('zh-CN');
}

const english = async () =>
  mergeMessages(
    (await import('./en')).english,
    (await import('../notifications/messages.en')).en,
    ...(await Promise.all(
      domains.flatMap((d) => [...(d.messages ? [d.messages] : []), ...pageCatalogues(d, null, true).map((c) => c.messages)]).map((m) => m.en()),
    )),
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
