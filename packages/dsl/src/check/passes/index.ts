import { auditsPass, kpisPass, premiumsPass } from './audits.js';
import { collectPass } from './collect.js';
import { headerPass } from './header.js';
import type { CheckPass } from './pass.js';
import { modifiersPass, overridesPass, resolveGlobalsPass } from './resolve.js';
import { analysisPass, coversPass, propertiesPass, rulesPass, unusedPass } from './rules.js';

export type { CheckPass } from './pass.js';

/** The checker's passes, in the order they run (as in OPA's compiler stages). */
export const PASSES: readonly CheckPass[] = [
  collectPass,
  headerPass,
  resolveGlobalsPass,
  modifiersPass,
  overridesPass,
  rulesPass,
  propertiesPass,
  coversPass,
  auditsPass,
  kpisPass,
  premiumsPass,
  unusedPass,
  analysisPass,
];
