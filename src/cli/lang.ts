/**
 * Which language a person reads: `--lang` when given, else the locale of the environment, else English.
 *
 * The locale is POSIX's: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty decides
 * (`nb_NO.UTF-8`, `no_NO`, `nn_NO` → bokmål; `C`, `en_GB.UTF-8` → English). Where none is set, as on most
 * Windows machines, the system locale `Intl` reports decides (`bin/cohort.js` passes it; tests pass none).
 * Norwegian in any written form reads bokmål: the tool has no nynorsk text.
 */
import type { Lang } from '../domain/text.js';

export const LANGS = ['nb', 'en'] as const satisfies readonly Lang[];

/** The language a locale name asks for: `nb_NO.UTF-8`, `nn-NO`, `no` → `nb`; any other → `en`. */
export function langOfLocale(locale: string): Lang {
  const language = locale.trim().toLowerCase().split(/[-_.@]/)[0] ?? '';
  return language === 'nb' || language === 'nn' || language === 'no' ? 'nb' : 'en';
}

/** The environment's language (see the module comment); `systemLocale` when no variable is set. */
export function environmentLang(env: Readonly<Record<string, string | undefined>>, systemLocale?: string | undefined): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') return langOfLocale(value);
  }
  return systemLocale === undefined || systemLocale === '' ? 'en' : langOfLocale(systemLocale);
}

/**
 * The `--lang` value on the command line, read before commander parses it so that `--help` and commander's
 * own errors come in that language; undefined when absent or not a language the tool has (commander then
 * reports the bad value). Only options before a `--` count.
 */
export function langArgument(argv: readonly string[]): Lang | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') break;
    if (a === '--lang') found = argv[i + 1];
    else if (a.startsWith('--lang=')) found = a.slice('--lang='.length);
  }
  return LANGS.find((l) => l === found);
}
