/**
 * Thrown while compiling a version to fixed-point code when the IR holds something that path
 * does not implement (a node kind, an operator, a function, a field of a node it does not
 * know, a division it cannot do exactly). The version is then settled by decimal.js: the
 * fixed-point path never guesses.
 */
export class Unsupported extends Error {
  override readonly name = 'Unsupported';
}
