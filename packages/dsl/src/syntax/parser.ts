import { CstParser, type CstNode, type IToken, type IRecognitionException } from 'chevrotain';
import * as T from './tokens.js';
import { errorMessageProvider } from './messages.js';

/**
 * The grammar of .policy files. One parser instance is built once (grammar analysis is the
 * expensive part) and reused for every file; recovery is on so that `check` reports every
 * syntax error of a file, not only the first.
 *
 * Why this file is long: Chevrotain defines a grammar as the rules of one parser class, and the
 * grammar analysis runs over that class once; splitting the rules across files would mean
 * mixins that hide which rule calls which.
 *
 *   file        := declaration*
 *   declaration := header | clause | param | table | set | let | accumulator | bands | cap
 *                | modifier | adjust | rule | property | covers
 *                | 'override' (param | table | set | let | bands | rule)
 *   property    := 'property' NAME meta… [from] [until] [when COND] '{' expression '}'
 *   covers      := 'covers' LAYER (',' LAYER)* meta… [from] [until] [when COND]
 *   audit       := 'audit' NAME ['result' NAME] ['stage' NAME] meta… [from] [until] [when COND] '{' auditItem* '}'
 *   auditItem   := 'let' NAME '=' (history | expression) | 'finding' STRING ['when' expression]
 *   history     := AGGREGATE [FIELD] 'earlier' ['where' expression] ['same' FIELD (',' FIELD)*] ['within' expression | 'during']
 *   kpi         := 'kpi' NAME meta… [from] [until] [when COND] '{' ('numerator' term | 'denominator' term | 'target' COMPARISON expression
 *                | 'by' FIELD | 'growth')* '}'
 *   term        := AGGREGATE [expression] ['with' expression] ['where' expression]
 *   premium     := 'premium' NAME meta… [from] [until] [when COND] '{' ('standard' expression | subsidy)* '}'
 *   subsidy     := 'subsidy' NAME '=' expression 'source' STRING meta… [from] [until] [when COND]
 *   header      := ('policy' | 'module') NAME '{' (title | document | extends | import | version | layers)* '}'
 *   expression  := 'if' expression 'then' expression 'else' expression | or
 *   or := and ('or' and)*          and := not ('and' not)*       not := 'not' not | comparison
 *   comparison  := coalesce ((== != < <= > >=) coalesce | 'not'? 'in' coalesce)?
 *   comparison operands are limits:  limit := coalesce (('above' | 'capped' 'at') coalesce)*
 *   coalesce := additive ('??' additive)*     additive := multiplicative ((+|-) multiplicative)*
 *   multiplicative := unary ((×|÷|of) unary)*  unary := '-' unary | primary
 */
export class PolicyParser extends CstParser {
  /**
   * `validate`: run Chevrotain's grammar validations (ambiguities, left recursion …) during the
   * self-analysis. They prove the grammar, not the input, and take most of its time: the
   * grammar test builds a validated parser, the commands a fast one (Chevrotain's
   * `skipValidations`, meant for exactly this).
   */
  constructor(options: { readonly validate?: boolean } = {}) {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 3,
      nodeLocationTracking: 'onlyOffset',
      errorMessageProvider,
      skipValidations: options.validate !== true,
    });
    this.performSelfAnalysis();
  }

  file = this.RULE('file', () => {
    this.MANY(() => this.SUBRULE(this.declaration));
  });

  declaration = this.RULE('declaration', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.policyDecl) },
      { ALT: () => this.SUBRULE(this.clauseDecl) },
      { ALT: () => this.SUBRULE(this.accumulatorDecl) },
      { ALT: () => this.SUBRULE(this.capDecl) },
      { ALT: () => this.SUBRULE(this.modifierDecl) },
      { ALT: () => this.SUBRULE(this.adjustDecl) },
      { ALT: () => this.SUBRULE(this.propertyDecl) },
      { ALT: () => this.SUBRULE(this.coversDecl) },
      { ALT: () => this.SUBRULE(this.auditDecl) },
      { ALT: () => this.SUBRULE(this.kpiDecl) },
      { ALT: () => this.SUBRULE(this.premiumDecl) },
      { ALT: () => this.SUBRULE(this.overridable) },
      { ALT: () => this.SUBRULE(this.overrideDecl) },
    ]);
  });

  /** Declarations a policy may replace in its base with `override`. */
  overridable = this.RULE('overridable', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.paramDecl) },
      { ALT: () => this.SUBRULE(this.tableDecl) },
      { ALT: () => this.SUBRULE(this.setDecl) },
      { ALT: () => this.SUBRULE(this.letDecl) },
      { ALT: () => this.SUBRULE(this.bandsDecl) },
      { ALT: () => this.SUBRULE(this.ruleDecl) },
    ]);
  });

  overrideDecl = this.RULE('overrideDecl', () => {
    this.CONSUME(T.Override);
    this.SUBRULE(this.overridable);
  });

  policyDecl = this.RULE('policyDecl', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Policy, { LABEL: 'kind' }) },
      { ALT: () => this.CONSUME(T.Module, { LABEL: 'kind' }) },
    ]);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.policyItem));
    this.CONSUME(T.RCurly);
  });

  policyItem = this.RULE('policyItem', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Title);
          this.CONSUME(T.StringLit, { LABEL: 'title' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Document);
          this.CONSUME2(T.StringLit, { LABEL: 'document' });
        },
      },
      { ALT: () => this.SUBRULE(this.versionDecl) },
      {
        ALT: () => {
          this.CONSUME(T.Extends);
          this.CONSUME3(T.StringLit, { LABEL: 'extends' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Import);
          this.CONSUME4(T.StringLit, { LABEL: 'import' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Layers);
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Identifier, { LABEL: 'layer' }) });
        },
      },
    ]);
  });

  versionDecl = this.RULE('versionDecl', () => {
    this.CONSUME(T.Version);
    this.CONSUME(T.DateLit);
    this.MANY(() => this.SUBRULE(this.meta));
  });

  clauseDecl = this.RULE('clauseDecl', () => {
    this.CONSUME(T.Clause);
    this.CONSUME(T.StringLit, { LABEL: 'id' });
    this.CONSUME2(T.StringLit, { LABEL: 'title' });
    this.OPTION(() => this.CONSUME3(T.StringLit, { LABEL: 'text' }));
  });

  meta = this.RULE('meta', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Cites, { LABEL: 'kind' }) },
      { ALT: () => this.CONSUME(T.Assumed, { LABEL: 'kind' }) },
      { ALT: () => this.CONSUME(T.Reading, { LABEL: 'kind' }) },
      { ALT: () => this.CONSUME(T.Note, { LABEL: 'kind' }) },
    ]);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.StringLit, { LABEL: 'value' }) });
  });

  paramDecl = this.RULE('paramDecl', () => {
    this.CONSUME(T.Param);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(T.Colon);
      this.CONSUME2(T.Identifier, { LABEL: 'typeName' });
    });
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Assign);
          this.SUBRULE(this.expression, { LABEL: 'value' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LCurly);
          this.MANY(() => this.SUBRULE(this.datedValue));
          this.CONSUME(T.RCurly);
        },
      },
    ]);
    this.MANY2(() => this.SUBRULE(this.meta));
  });

  datedValue = this.RULE('datedValue', () => {
    this.CONSUME(T.DateLit);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expression);
    this.OPTION(() => this.CONSUME(T.Comma));
  });

  tableDecl = this.RULE('tableDecl', () => {
    this.CONSUME(T.Table);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.By);
    this.CONSUME2(T.Identifier, { LABEL: 'by' });
    this.OPTION(() => {
      this.CONSUME(T.In);
      this.CONSUME3(T.Identifier, { LABEL: 'domain' });
    });
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.tableRow));
    this.OPTION2(() => {
      this.CONSUME(T.Otherwise);
      this.CONSUME(T.Colon);
      this.SUBRULE(this.expression, { LABEL: 'otherwise' });
      this.OPTION3(() => this.CONSUME(T.Comma));
    });
    this.CONSUME(T.RCurly);
    this.MANY2(() => this.SUBRULE(this.meta));
  });

  tableRow = this.RULE('tableRow', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.StringLit, { LABEL: 'key' }) },
      { ALT: () => this.CONSUME(T.NumberLit, { LABEL: 'key' }) },
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: 'key' }) },
    ]);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expression, { LABEL: 'value' });
    this.OPTION(() => this.CONSUME(T.Comma));
  });

  setDecl = this.RULE('setDecl', () => {
    this.CONSUME(T.Set);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Assign);
    this.SUBRULE(this.setLiteral);
    this.MANY(() => this.SUBRULE(this.meta));
  });

  letDecl = this.RULE('letDecl', () => {
    this.CONSUME(T.Let);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Assign);
    this.SUBRULE(this.expression, { LABEL: 'value' });
    this.MANY(() => this.SUBRULE(this.meta));
  });

  accumulatorDecl = this.RULE('accumulatorDecl', () => {
    this.CONSUME(T.Accumulator);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.SUBRULE(this.perPersonYear);
    this.MANY(() => this.SUBRULE(this.meta));
  });

  /** `per person year [by FIELD, …]`: what an accumulator or a yearly cap is kept per. */
  perPersonYear = this.RULE('perPersonYear', () => {
    this.CONSUME(T.Per);
    this.CONSUME(T.Person);
    this.CONSUME(T.Year);
    this.OPTION(() => {
      this.CONSUME(T.By);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Identifier, { LABEL: 'key' }) });
    });
  });

  /** `bands NAME meta… { from A to B: r  …  from C: r } meta…`: segmented ratios. */
  bandsDecl = this.RULE('bandsDecl', () => {
    this.CONSUME(T.Bands);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.MANY(() => this.SUBRULE(this.meta));
    this.CONSUME(T.LCurly);
    this.MANY2(() => this.SUBRULE(this.bandRow));
    this.CONSUME(T.RCurly);
    this.MANY3(() => this.SUBRULE2(this.meta));
  });

  bandRow = this.RULE('bandRow', () => {
    this.CONSUME(T.From);
    this.SUBRULE(this.expression, { LABEL: 'lower' });
    this.OPTION(() => {
      this.CONSUME(T.To);
      this.SUBRULE2(this.expression, { LABEL: 'upper' });
    });
    this.CONSUME(T.Colon);
    this.SUBRULE3(this.expression, { LABEL: 'ratio' });
    this.OPTION2(() => this.CONSUME(T.Comma));
  });

  /** `cap NAME = amount per person year [by f…] on LAYER meta… [from] [until] [when c]`. */
  capDecl = this.RULE('capDecl', () => {
    this.CONSUME(T.Cap);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Assign);
    this.SUBRULE(this.expression, { LABEL: 'amount' });
    this.SUBRULE(this.perPersonYear);
    this.CONSUME(T.On);
    this.CONSUME3(T.Identifier, { LABEL: 'layer' });
    this.SUBRULE(this.applicability);
  });

  /** `meta… [from DATE] [until DATE] [when COND]`, as a rule has them. */
  applicability = this.RULE('applicability', () => {
    this.MANY(() => this.SUBRULE(this.meta));
    this.OPTION(() => {
      this.CONSUME(T.From);
      this.CONSUME(T.DateLit, { LABEL: 'from' });
    });
    this.OPTION2(() => {
      this.CONSUME(T.Until);
      this.CONSUME2(T.DateLit, { LABEL: 'until' });
    });
    this.OPTION3(() => {
      this.CONSUME(T.When);
      this.SUBRULE(this.expression, { LABEL: 'when' });
    });
  });

  /** `modifier NAME meta… [from] [until] [when c] { TARGET × f  TARGET + p … }`. */
  modifierDecl = this.RULE('modifierDecl', () => {
    this.CONSUME(T.Modifier);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.SUBRULE(this.applicability);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.adjustment));
    this.CONSUME(T.RCurly);
  });

  /** `adjust TARGET × f meta… [from] [until] [when c]`: a one-line modifier. */
  adjustDecl = this.RULE('adjustDecl', () => {
    this.CONSUME(T.Adjust);
    this.SUBRULE(this.adjustment);
    this.SUBRULE(this.applicability);
  });

  adjustment = this.RULE('adjustment', () => {
    this.CONSUME(T.Identifier, { LABEL: 'target' });
    this.OR([
      { ALT: () => this.CONSUME(T.Star, { LABEL: 'op' }) },
      { ALT: () => this.CONSUME(T.Plus, { LABEL: 'op' }) },
      { ALT: () => this.CONSUME(T.Minus, { LABEL: 'op' }) },
    ]);
    this.SUBRULE(this.additive, { LABEL: 'amount' });
  });

  /** `property NAME meta… [from] [until] [when c] { BOOLEAN }`: what must hold after every settlement (docs/analysis.md). */
  propertyDecl = this.RULE('propertyDecl', () => {
    this.CONSUME(T.Property);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.SUBRULE(this.applicability);
    this.CONSUME(T.LCurly);
    this.SUBRULE(this.expression, { LABEL: 'body' });
    this.CONSUME(T.RCurly);
  });

  /** `covers LAYER, … meta… [from] [until] [when c]`: every such claim gets a rule assigning each layer. */
  coversDecl = this.RULE('coversDecl', () => {
    this.CONSUME(T.Covers);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Identifier, { LABEL: 'layer' }) });
    this.SUBRULE(this.applicability);
  });

  /** `audit NAME result 可疑 stage 事后 meta… [from] [until] [when c] { let … finding "…" when … }` (docs/audits.md). */
  auditDecl = this.RULE('auditDecl', () => {
    this.CONSUME(T.Audit);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(T.Result);
      this.CONSUME2(T.Identifier, { LABEL: 'result' });
    });
    this.OPTION2(() => {
      this.CONSUME(T.Stage);
      this.CONSUME3(T.Identifier, { LABEL: 'stage' });
    });
    this.SUBRULE(this.applicability);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.auditItem));
    this.CONSUME(T.RCurly);
  });

  auditItem = this.RULE('auditItem', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Let);
          this.CONSUME(T.Identifier, { LABEL: 'letName' });
          this.CONSUME(T.Assign);
          this.OR2([
            { GATE: () => this.historyAhead(), ALT: () => this.SUBRULE(this.historyExpr, { LABEL: 'history' }) },
            { ALT: () => this.SUBRULE(this.expression, { LABEL: 'letValue' }) },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Finding);
          this.CONSUME(T.StringLit, { LABEL: 'message' });
          this.OPTION(() => {
            this.CONSUME(T.When);
            this.SUBRULE2(this.expression, { LABEL: 'findingWhen' });
          });
        },
      },
    ]);
  });

  /** `count earlier where c same disease within 15日`, `sum total earlier …`: over the person's earlier claims. */
  historyExpr = this.RULE('historyExpr', () => {
    this.CONSUME(T.Identifier, { LABEL: 'aggregate' });
    this.OPTION(() => this.CONSUME2(T.Identifier, { LABEL: 'field' }));
    this.CONSUME(T.Earlier);
    this.OPTION2(() => {
      this.CONSUME(T.Where);
      this.SUBRULE(this.expression, { LABEL: 'where' });
    });
    this.OPTION3(() => {
      this.CONSUME(T.Same);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME3(T.Identifier, { LABEL: 'same' }) });
    });
    this.OPTION4(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Within);
            this.SUBRULE2(this.expression, { LABEL: 'within' });
          },
        },
        { ALT: () => this.CONSUME(T.During, { LABEL: 'during' }) },
      ]);
    });
  });

  /** `kpi NAME meta… [when c] { numerator count where c  denominator count  target >= 90% }` (docs/kpis.md). */
  kpiDecl = this.RULE('kpiDecl', () => {
    this.CONSUME(T.Kpi);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.SUBRULE(this.applicability);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.kpiItem));
    this.CONSUME(T.RCurly);
  });

  /** One line of a kpi: `numerator …`, `denominator …` or `target >= VALUE`. */
  kpiItem = this.RULE('kpiItem', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Numerator);
          this.SUBRULE(this.kpiTerm, { LABEL: 'numerator' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Denominator);
          this.SUBRULE2(this.kpiTerm, { LABEL: 'denominator' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Target);
          this.OR2([
            { ALT: () => this.CONSUME(T.GtEq, { LABEL: 'targetOp' }) },
            { ALT: () => this.CONSUME(T.LtEq, { LABEL: 'targetOp' }) },
            { ALT: () => this.CONSUME(T.Gt, { LABEL: 'targetOp' }) },
            { ALT: () => this.CONSUME(T.Lt, { LABEL: 'targetOp' }) },
          ]);
          this.SUBRULE(this.expression, { LABEL: 'target' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.By);
          // `year` is a keyword (`per person year`) and a grouping.
          this.OR3([{ ALT: () => this.CONSUME(T.Identifier, { LABEL: 'by' }) }, { ALT: () => this.CONSUME(T.Year, { LABEL: 'by' }) }]);
        },
      },
      { ALT: () => this.CONSUME(T.Growth, { LABEL: 'growth' }) },
    ]);
  });

  /** `count [where c]`, `sum total [where c]`: over the settled claims the kpi counts. */
  kpiTerm = this.RULE('kpiTerm', () => {
    this.CONSUME(T.Identifier, { LABEL: 'aggregate' });
    this.OPTION(() => this.SUBRULE(this.expression, { LABEL: 'value' }));
    this.OPTION3(() => {
      this.CONSUME(T.With);
      this.SUBRULE3(this.expression, { LABEL: 'minimum' });
    });
    this.OPTION2(() => {
      this.CONSUME(T.Where);
      this.SUBRULE2(this.expression, { LABEL: 'where' });
    });
  });

  /** `premium NAME meta… [when c] { standard EXPR  subsidy NAME = EXPR source "…" when c … }` (docs/premiums.md). */
  premiumDecl = this.RULE('premiumDecl', () => {
    this.CONSUME(T.Premium);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.SUBRULE(this.applicability);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.premiumItem));
    this.CONSUME(T.RCurly);
  });

  /** One line of a premium: `standard EXPR` (the contribution) or a `subsidy`. */
  premiumItem = this.RULE('premiumItem', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Standard);
          this.SUBRULE(this.expression, { LABEL: 'standard' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Subsidy);
          this.CONSUME(T.Identifier, { LABEL: 'subsidyName' });
          this.CONSUME(T.Assign);
          this.SUBRULE2(this.expression, { LABEL: 'subsidyValue' });
          this.CONSUME(T.Source);
          this.CONSUME(T.StringLit, { LABEL: 'source' });
          this.SUBRULE(this.applicability, { LABEL: 'subsidyApplicability' });
        },
      },
    ]);
  });

  /** `NAME earlier` or `NAME NAME earlier` ahead: a history aggregate, not an expression. */
  private historyAhead(): boolean {
    const a = this.LA(1).tokenType;
    const b = this.LA(2).tokenType;
    const c = this.LA(3).tokenType;
    return a === T.Identifier && (b === T.Earlier || (b === T.Identifier && c === T.Earlier));
  }

  ruleDecl = this.RULE('ruleDecl', () => {
    this.CONSUME(T.Rule);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.SUBRULE(this.applicability);
    this.CONSUME(T.LCurly);
    this.MANY2(() => this.SUBRULE(this.statement));
    this.CONSUME(T.RCurly);
  });

  statement = this.RULE('statement', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Let);
          this.CONSUME(T.Identifier, { LABEL: 'letName' });
          this.CONSUME(T.Assign);
          this.SUBRULE(this.expression, { LABEL: 'letValue' });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.Identifier, { LABEL: 'target' });
          this.CONSUME2(T.Assign, { LABEL: 'assign' });
          this.SUBRULE2(this.expression, { LABEL: 'assignValue' });
        },
      },
      {
        ALT: () => {
          this.CONSUME4(T.Identifier, { LABEL: 'topTarget' });
          this.CONSUME(T.Tops);
          this.CONSUME(T.Up);
          this.CONSUME(T.To);
          this.SUBRULE5(this.expression, { LABEL: 'topValue' });
        },
      },
      {
        ALT: () => {
          this.CONSUME3(T.Identifier, { LABEL: 'addTarget' });
          this.CONSUME(T.PlusAssign);
          this.SUBRULE3(this.expression, { LABEL: 'addValue' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Flag);
          this.CONSUME(T.StringLit, { LABEL: 'message' });
          this.OPTION(() => {
            this.CONSUME(T.When);
            this.SUBRULE4(this.expression, { LABEL: 'flagWhen' });
          });
        },
      },
    ]);
  });

  // ------------------------------------------------------------ expressions

  expression = this.RULE('expression', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.ifExpr) },
      { ALT: () => this.SUBRULE(this.orExpr) },
    ]);
  });

  ifExpr = this.RULE('ifExpr', () => {
    this.CONSUME(T.If);
    this.SUBRULE(this.expression, { LABEL: 'cond' });
    this.CONSUME(T.Then);
    this.SUBRULE2(this.expression, { LABEL: 'then' });
    this.CONSUME(T.Else);
    this.SUBRULE3(this.expression, { LABEL: 'else' });
  });

  orExpr = this.RULE('orExpr', () => {
    this.SUBRULE(this.andExpr, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(T.Or, { LABEL: 'op' });
      this.SUBRULE2(this.andExpr, { LABEL: 'operand' });
    });
  });

  andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(T.And, { LABEL: 'op' });
      this.SUBRULE2(this.notExpr, { LABEL: 'operand' });
    });
  });

  notExpr = this.RULE('notExpr', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.notExpr, { LABEL: 'negated' });
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.limitExpr, { LABEL: 'left' });
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.OR2([
              { ALT: () => this.CONSUME(T.Eq, { LABEL: 'op' }) },
              { ALT: () => this.CONSUME(T.NotEq, { LABEL: 'op' }) },
              { ALT: () => this.CONSUME(T.LtEq, { LABEL: 'op' }) },
              { ALT: () => this.CONSUME(T.GtEq, { LABEL: 'op' }) },
              { ALT: () => this.CONSUME(T.Lt, { LABEL: 'op' }) },
              { ALT: () => this.CONSUME(T.Gt, { LABEL: 'op' }) },
            ]);
            this.SUBRULE2(this.limitExpr, { LABEL: 'right' });
          },
        },
        {
          ALT: () => {
            this.OPTION2(() => this.CONSUME(T.Not, { LABEL: 'negate' }));
            this.CONSUME(T.In, { LABEL: 'op' });
            this.SUBRULE3(this.limitExpr, { LABEL: 'right' });
          },
        },
      ]);
    });
  });

  /** `x above y` (the part of x above y), `x capped at y` (at most y). */
  limitExpr = this.RULE('limitExpr', () => {
    this.SUBRULE(this.coalesceExpr, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Above, { LABEL: 'op' }) },
        {
          ALT: () => {
            this.CONSUME(T.Capped, { LABEL: 'op' });
            this.CONSUME(T.At);
          },
        },
      ]);
      this.SUBRULE2(this.coalesceExpr, { LABEL: 'operand' });
    });
  });

  coalesceExpr = this.RULE('coalesceExpr', () => {
    this.SUBRULE(this.additive, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(T.Coalesce, { LABEL: 'op' });
      this.SUBRULE2(this.additive, { LABEL: 'operand' });
    });
  });

  additive = this.RULE('additive', () => {
    this.SUBRULE(this.multiplicative, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Plus, { LABEL: 'op' }) },
        { ALT: () => this.CONSUME(T.Minus, { LABEL: 'op' }) },
      ]);
      this.SUBRULE2(this.multiplicative, { LABEL: 'operand' });
    });
  });

  multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.unary, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Star, { LABEL: 'op' }) },
        { ALT: () => this.CONSUME(T.Slash, { LABEL: 'op' }) },
        { ALT: () => this.CONSUME(T.Of, { LABEL: 'op' }) },
      ]);
      this.SUBRULE2(this.unary, { LABEL: 'operand' });
    });
  });

  unary = this.RULE('unary', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Minus);
          this.SUBRULE(this.unary, { LABEL: 'negated' });
        },
      },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  primary = this.RULE('primary', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.MoneyLit, { LABEL: 'literal' }) },
      { ALT: () => this.CONSUME(T.PercentLit, { LABEL: 'literal' }) },
      { ALT: () => this.CONSUME(T.PointsLit, { LABEL: 'literal' }) },
      { ALT: () => this.CONSUME(T.DaysLit, { LABEL: 'literal' }) },
      { ALT: () => this.CONSUME(T.NumberLit, { LABEL: 'literal' }) },
      { ALT: () => this.CONSUME(T.StringLit, { LABEL: 'literal' }) },
      { ALT: () => this.CONSUME(T.DateLit, { LABEL: 'literal' }) },
      { ALT: () => this.CONSUME(T.True, { LABEL: 'literal' }) },
      { ALT: () => this.CONSUME(T.False, { LABEL: 'literal' }) },
      { ALT: () => this.CONSUME(T.Base, { LABEL: 'base' }) },
      {
        ALT: () => {
          this.CONSUME(T.Unadjusted);
          this.CONSUME3(T.Identifier, { LABEL: 'unadjusted' });
          this.OPTION2(() => {
            this.CONSUME2(T.LBracket);
            this.SUBRULE4(this.expression, { LABEL: 'unadjustedIndex' });
            this.CONSUME2(T.RBracket);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.ClaimKw);
          this.CONSUME(T.Dot);
          this.CONSUME(T.Identifier, { LABEL: 'field' });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.Identifier, { LABEL: 'name' });
          this.OPTION(() => {
            this.OR2([
              {
                ALT: () => {
                  this.CONSUME(T.LParen, { LABEL: 'call' });
                  this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'arg' }) });
                  this.CONSUME(T.RParen);
                },
              },
              {
                ALT: () => {
                  this.CONSUME(T.LBracket);
                  this.SUBRULE2(this.expression, { LABEL: 'index' });
                  this.CONSUME(T.RBracket);
                },
              },
            ]);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.LParen);
          this.SUBRULE3(this.expression, { LABEL: 'inner' });
          this.CONSUME2(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.setLiteral) },
    ]);
  });

  /** `{ a, b, c }`, a trailing comma allowed (long lists are written one per line). */
  setLiteral = this.RULE('setLiteral', () => {
    this.CONSUME(T.LCurly);
    this.OPTION(() => {
      this.SUBRULE(this.expression, { LABEL: 'element' });
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.OPTION2(() => this.SUBRULE2(this.expression, { LABEL: 'element' }));
      });
    });
    this.CONSUME(T.RCurly);
  });
}

let parser: PolicyParser | undefined;

/** The one parser instance, built on first use (grammar analysis is most of `policy`'s start-up). */
export function policyParser(): PolicyParser {
  parser ??= new PolicyParser({ validate: false });
  return parser;
}

export interface ParseOutput {
  readonly cst: CstNode;
  readonly errors: readonly IRecognitionException[];
}

export function parseTokens(tokens: IToken[]): ParseOutput {
  const p = policyParser();
  p.input = tokens;
  const cst = p.file();
  return { cst, errors: [...p.errors] };
}
