/** The catalogue of each language: `CATALOGUE[lang]`. */
import type { Lang } from '../text.js';
import type { Warning, WarningCode, WarningFacts, WarningParams } from '../warnings.js';
import type { Catalogue } from './catalogue.js';
import { EN } from './en.js';
import { NB } from './nb.js';

export const CATALOGUE: Readonly<Record<Lang, Catalogue>> = { nb: NB, en: EN };

/** A warning's text in `lang`, from its code and facts. */
export function warningText(w: WarningFacts, lang: Lang): string {
  // The union's code and params belong together (WarningFacts); TypeScript cannot follow that into the lookup.
  const text = CATALOGUE[lang].warnings[w.code] as (p: typeof w.params) => string;
  return text(w.params);
}

/** A warning with its facts, and its English text (`message`) from the catalogue. */
export function warning<C extends WarningCode>(code: C, params: WarningParams[C]): Warning {
  const facts = { code, params } as WarningFacts;
  return { code, message: warningText(facts, 'en'), params } as Warning;
}
