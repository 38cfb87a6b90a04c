import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Document URIs ↔ the paths the language service works on. A `file:` URI is its path; any
 * other (an unsaved `untitled:` buffer) is a one-file policy in a folder of its own that no
 * disk path can reach. An open document's URI is answered back exactly as the client sent it.
 */
export class UriMap {
  private readonly byPath = new Map<string, string>();
  private readonly byUri = new Map<string, string>();
  private virtual = 0;

  toPath(uri: string): string {
    const known = this.byUri.get(uri);
    if (known) return known;
    let path: string;
    if (uri.startsWith('file:')) {
      try {
        path = fileURLToPath(uri);
      } catch {
        path = this.virtualPath(uri);
      }
    } else {
      path = this.virtualPath(uri);
    }
    return path;
  }

  private virtualPath(uri: string): string {
    const name = /\.ya?ml$/.test(uri) ? 'document.yaml' : 'document.policy';
    return `/\u0000policy-unsaved/${++this.virtual}/${name}`;
  }

  /** Remembers an open document's URI (its path answers with this URI from now on). */
  remember(uri: string): string {
    const path = this.toPath(uri);
    this.byUri.set(uri, path);
    this.byPath.set(path, uri);
    return path;
  }

  forget(uri: string): void {
    const path = this.byUri.get(uri);
    this.byUri.delete(uri);
    if (path !== undefined) this.byPath.delete(path);
  }

  toUri(path: string): string {
    return this.byPath.get(path) ?? pathToFileURL(path).href;
  }
}
