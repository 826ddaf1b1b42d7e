import { mergeTranslations, type TranslationMessages } from 'react-admin';

/**
 * react-admin's deep merge of message catalogues, typed: it declares its answer `any`, and the
 * merge of react-admin's own catalogue (its `ra.*` keys) with the app's is again a catalogue.
 */
export const mergeMessages = mergeTranslations as (base: TranslationMessages, ...more: object[]) => TranslationMessages;
