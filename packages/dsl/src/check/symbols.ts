import type * as A from '../syntax/ast.js';
import type { AccumulatorSym, BandsSym, CapSym, LetSym, ParamSym, SetSym, TableSym } from './ir.js';

/**
 * A global declaration and its resolution state (resolved on first use; cycles are E110).
 * `unit` is the unit (policy or base) it was declared in; `top` says it is the checked one's own.
 */
export type Entry = EntryOf & { readonly unit: string; readonly top: boolean };

type EntryOf =
  | { readonly kind: 'param'; readonly decl: A.ParamDecl; sym?: ParamSym; state: 0 | 1 | 2; used: boolean }
  | { readonly kind: 'table'; readonly decl: A.TableDecl; sym?: TableSym; state: 0 | 1 | 2; used: boolean }
  | { readonly kind: 'set'; readonly decl: A.SetDecl; sym?: SetSym; state: 0 | 1 | 2; used: boolean }
  | {
      readonly kind: 'let';
      readonly decl: A.LetDecl;
      sym?: LetSym;
      state: 0 | 1 | 2;
      used: boolean;
      /** The base's definition when this one overrides it (`base` reads it). */
      readonly replaced?: Entry;
    }
  | { readonly kind: 'bands'; readonly decl: A.BandsDecl; sym?: BandsSym; state: 0 | 1 | 2; used: boolean }
  | { readonly kind: 'cap'; readonly decl: A.CapDecl; sym?: CapSym; state: 0 | 1 | 2; used: boolean }
  | { readonly kind: 'accumulator'; readonly decl: A.AccumulatorDecl; sym?: AccumulatorSym; state: 0 | 1 | 2; used: boolean };

export type EntryKind = Entry['kind'];

