import { describe, expect, it } from 'vitest';
import { environmentLang, langArgument, langOfLocale } from '../../src/cli/lang.js';
import { HELP_EN, HELP_NB, translateCommanderError } from '../../src/cli/help-text.js';
import { cohort } from '../e2e/helpers.js';

describe('the language a person reads', () => {
  it.each([
    ['nb_NO.UTF-8', 'nb'],
    ['nn_NO', 'nb'],
    ['no', 'nb'],
    ['nb-NO', 'nb'],
    ['en_GB.UTF-8', 'en'],
    ['C', 'en'],
    ['POSIX', 'en'],
    ['sv_SE.UTF-8', 'en'],
  ] as const)('locale %s reads %s', (locale, lang) => {
    expect(langOfLocale(locale)).toBe(lang);
  });

  it('takes LC_ALL, then LC_MESSAGES, then LANG, then the system locale, else English', () => {
    expect(environmentLang({ LC_ALL: 'nb_NO.UTF-8', LANG: 'en_US.UTF-8' })).toBe('nb');
    expect(environmentLang({ LC_ALL: '', LC_MESSAGES: 'en_GB', LANG: 'nb_NO' })).toBe('en');
    expect(environmentLang({ LANG: 'nb_NO.UTF-8' }, 'en-US')).toBe('nb');
    expect(environmentLang({}, 'nb-NO')).toBe('nb');
    expect(environmentLang({})).toBe('en');
  });

  it('reads --lang before commander does, only before --', () => {
    expect(langArgument(['allocate', '--lang', 'nb', '--help'])).toBe('nb');
    expect(langArgument(['allocate', '--lang=en'])).toBe('en');
    expect(langArgument(['allocate', '--lang', 'de'])).toBeUndefined();
    expect(langArgument(['allocate', '--', '--lang', 'nb'])).toBeUndefined();
  });

  it('has every help text in both languages, and no Norwegian text equal to the English one but examples', () => {
    const flat = (o: object, prefix = ''): Array<[string, unknown]> =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? flat(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, v]]));
    // The placeholders are a table of the other language's names: English has none.
    const words = (h: object) => flat(h).filter(([k]) => !k.startsWith('words.placeholders.'));
    const en = new Map(words(HELP_EN));
    const nb = new Map(words(HELP_NB));
    expect([...nb.keys()].sort()).toEqual([...en.keys()].sort());
    const same = [...en].filter(([k, v]) => typeof v === 'string' && nb.get(k) === v && !k.endsWith('examples')).map(([k]) => k);
    expect(same).toEqual([]);
  });

  it('prints help and usage errors in bokmål with --lang nb', async () => {
    const help = await cohort(['allocate', '--lang', 'nb', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Bruk: cohort allocate [valg]');
    expect(help.stdout).toContain('Eksempler:');
    expect(help.stdout).toContain('Avslutningskoder:');
    const bad = await cohort(['allocate', '--lang', 'nb', '--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("feil: ukjent valg '--bogus'");
    expect(translateCommanderError("error: unknown option '--x'", 'en')).toBe("error: unknown option '--x'");
  });

  it.each(['allocate', 'check', 'report', 'replace', 'diff', 'lists', 'rules', 'template', 'screen'])('%s --help names its placeholders and arguments in bokmål', async (command) => {
    const help = await cohort([command, '--lang', 'nb', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).not.toMatch(/<(file|files|char|dir|ids|lang|name|new|old|number|seconds|text)(\.\.\.)?>|\[(options|command|lang|number|title)\]|^ {2}(files|old|new) /m);
    const en = await cohort([command, '--lang', 'en', '--help']);
    expect(en.stdout).toContain('[options]');
  });

  it('a usage error names the option with its bokmål placeholder and says what to write', async () => {
    const bad = await cohort(['allocate', 'x.csv', '--lang', 'nb', '--time-limit', '0', '--dry-run']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("feil: valget '--time-limit <sekunder>' har ugyldig verdi '0'. Skriv et antall sekunder fra 0,001 til 2147483,647.\n");
  });
});
