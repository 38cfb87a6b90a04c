import { Help, type Argument, type Command, type Option } from 'commander';
import { displayWidth, t, type Lang } from '@policy/dsl';

/**
 * Commander's help in the language of the command line: its fixed words from the message table,
 * and, in Chinese, widths that count a Chinese character as two columns and wrapping between
 * Chinese characters. English help is commander's own Help, untouched (its output is quoted by
 * docs and tests); only the words commander lets a program set (the help and version options'
 * text, the help command's) go through the table in both languages.
 */
type TitleId = 'help.title.usage' | 'help.title.options' | 'help.title.commands' | 'help.title.arguments' | 'help.title.global-options';

/** The titles commander's formatHelp passes to styleTitle. */
const TITLES: Readonly<Record<string, TitleId>> = {
  'Usage:': 'help.title.usage',
  'Options:': 'help.title.options',
  'Commands:': 'help.title.commands',
  'Arguments:': 'help.title.arguments',
  'Global Options:': 'help.title.global-options',
};

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[\d*(;\d*)*m/g;

/** CJK characters and full-width punctuation: a line may break before or after each one. */
const WIDE = '\\u2e80-\\u303f\\u3040-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef';
/** Punctuation that does not start a line: it stays with the chunk before it. */
const CLOSING = '，。；：、）」』》！？…';
/** Opening brackets do not end a line: they stay with the chunk after them. */
const OPENING = '（「『《';
const CHUNK = new RegExp(`\\s*[${OPENING}]*(?:[${WIDE}][${CLOSING}]*|[^\\s${WIDE}]+[${CLOSING}]*)`, 'gu');

export class TranslatedHelp extends Help {
  constructor(private readonly lang: Lang) {
    super();
  }

  override styleTitle(str: string): string {
    const id = TITLES[str];
    return id === undefined ? str : t(this.lang, id);
  }

  /** commander writes `Usage: policy …`; a full-width colon needs no space after it. */
  override formatHelp(cmd: Command, helper: Help): string {
    const text = super.formatHelp(cmd, helper);
    const title = t(this.lang, 'help.title.usage');
    return text.startsWith(`${title} `) ? title + text.slice(title.length + 1) : text;
  }

  override displayWidth(str: string): number {
    let w = 0;
    for (const ch of str.replace(ANSI, '')) w += displayWidth(ch);
    return w;
  }

  override optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(t(this.lang, 'help.choices', { list: option.argChoices.map((c) => JSON.stringify(c)).join(', ') }));
    const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
    if (option.defaultValue !== undefined && showDefault) {
      extra.push(t(this.lang, 'help.default', { value: option.defaultValueDescription || JSON.stringify(option.defaultValue) }));
    }
    return this.withExtra(option.description, extra);
  }

  override argumentDescription(argument: Argument): string {
    const extra: string[] = [];
    if (argument.argChoices) extra.push(t(this.lang, 'help.choices', { list: argument.argChoices.map((c) => JSON.stringify(c)).join(', ') }));
    if (argument.defaultValue !== undefined) {
      extra.push(t(this.lang, 'help.default', { value: argument.defaultValueDescription || JSON.stringify(argument.defaultValue) }));
    }
    return this.withExtra(argument.description, extra);
  }

  private withExtra(description: string, extra: readonly string[]): string {
    if (extra.length === 0) return description;
    const info = t(this.lang, 'help.extra', { info: extra.join(t(this.lang, 'help.extra-sep')) });
    return description ? `${description}${this.lang === 'zh' ? '' : ' '}${info}` : info;
  }

  /** Commander's boxWrap, with a break allowed between Chinese characters. */
  override boxWrap(str: string, width: number): string {
    if (width < this.minWidthToWrap) return str;
    const out: string[] = [];
    for (const line of str.split(/\r\n|\n/)) {
      const chunks = line.match(CHUNK);
      if (chunks === null) {
        out.push('');
        continue;
      }
      let current = chunks[0] as string;
      let used = this.displayWidth(current);
      for (const chunk of chunks.slice(1)) {
        const w = this.displayWidth(chunk);
        if (used + w <= width) {
          current += chunk;
          used += w;
          continue;
        }
        out.push(current);
        current = chunk.trimStart();
        used = this.displayWidth(current);
      }
      out.push(current);
    }
    return out.join('\n');
  }
}

/**
 * Puts commander's fixed words of `lang` on a command and all its subcommands: the help option's
 * text, the help command's (where there are subcommands), and in Chinese the TranslatedHelp.
 */
export function translateHelp(c: Command, lang: Lang): void {
  c.helpOption('-h, --help', t(lang, 'help.help-option'));
  if (c.commands.length > 0) c.helpCommand('help [command]', t(lang, 'help.help-command'));
  if (lang !== 'en') c.createHelp = (): Help => Object.assign(new TranslatedHelp(lang), c.configureHelp());
  for (const sub of c.commands) translateHelp(sub, lang);
}
