/** The catalogue of each language: `CATALOGUE[lang]`. */
import type { Lang } from '../text.js';
import type { Catalogue } from './catalogue.js';
import { EN } from './en.js';
import { NB } from './nb.js';

export const CATALOGUE: Readonly<Record<Lang, Catalogue>> = { nb: NB, en: EN };
