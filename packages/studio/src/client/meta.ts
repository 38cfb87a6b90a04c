/** What the server tells the page once: the layers' Chinese names, the enumerated values' Chinese names. */
export interface Meta {
  readonly policies: readonly string[];
  readonly layerZh: Readonly<Record<string, string>>;
  readonly enums: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}
