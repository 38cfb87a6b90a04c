/** Sets an own property, even one named "__proto__" (as Object.fromEntries does, and assignment does not). */
export function ownField<T>(record: Record<string, T>, name: string, value: T): void {
  if (name === '__proto__') Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  else record[name] = value;
}
