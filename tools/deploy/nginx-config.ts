/**
 * Reads the repository's nginx configurations (deploy/web/nginx.conf, the
 * web image's; deploy/compose/gateway.conf, docker-compose's one origin) and
 * answers a request the way nginx would, for the subset of nginx they use, so
 * the deployment tests check what a browser gets with no nginx to run: which
 * location takes a path (nginx's order: `=`, then the longest prefix, which
 * `^~` makes final, then regular expressions in order), `try_files`,
 * `return`, `error_page` to a named location, `add_header` with its
 * inheritance and `always`, `map`, and `proxy_pass` to a `set` upstream.
 * A directive outside the subset is an error, not silently ignored.
 */

export interface Directive {
  readonly name: string;
  readonly args: readonly string[];
  /** The `{ … }` block, for block directives. */
  readonly block?: readonly Directive[];
}

/** nginx's syntax: `name args;` and `name args { … }`, `#` comments, single- or double-quoted arguments. */
export function parseNginxConfig(text: string): Directive[] {
  const tokens = tokenize(text);
  let position = 0;
  const parseBlock = (nested: boolean): Directive[] => {
    const directives: Directive[] = [];
    let words: string[] = [];
    while (position < tokens.length) {
      const token = tokens[position++];
      if (token.kind === 'word') {
        words.push(token.text);
      } else if (token.text === ';') {
        if (words.length === 0) throw new Error(`nginx config: an empty directive before line ${token.line}`);
        directives.push({ name: words[0], args: words.slice(1) });
        words = [];
      } else if (token.text === '{') {
        if (words.length === 0) throw new Error(`nginx config: a block without a name at line ${token.line}`);
        directives.push({ name: words[0], args: words.slice(1), block: parseBlock(true) });
        words = [];
      } else {
        if (!nested) throw new Error(`nginx config: an unexpected } at line ${token.line}`);
        if (words.length > 0) throw new Error(`nginx config: ${words[0]} has no ; before line ${token.line}`);
        return directives;
      }
    }
    if (nested) throw new Error('nginx config: a block is not closed');
    if (words.length > 0) throw new Error(`nginx config: ${words[0]} has no ; at the end`);
    return directives;
  };
  return parseBlock(false);
}

interface Token {
  readonly kind: 'word' | 'punctuation';
  readonly text: string;
  readonly line: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '\n') line++;
    if (/\s/.test(char)) {
      index++;
    } else if (char === '#') {
      while (index < text.length && text[index] !== '\n') index++;
    } else if (char === ';' || char === '{' || char === '}') {
      tokens.push({ kind: 'punctuation', text: char, line });
      index++;
    } else if (char === '"' || char === "'") {
      const start = ++index;
      while (index < text.length && text[index] !== char) {
        if (text[index] === '\n') line++;
        index += text[index] === '\\' ? 2 : 1;
      }
      if (index >= text.length) throw new Error(`nginx config: a quoted string is not closed (line ${line})`);
      tokens.push({ kind: 'word', text: unescape(text.slice(start, index++)), line });
    } else {
      const start = index;
      while (index < text.length && !/[\s;{}]/.test(text[index])) index += text[index] === '\\' ? 2 : 1;
      tokens.push({ kind: 'word', text: unescape(text.slice(start, index)), line });
    }
  }
  return tokens;
}

/** nginx's escapes, in quoted and bare words alike: a backslash before a quote or a backslash is dropped, `\n` `\r` `\t` are control characters, any other stays as written (`\.` in a regular expression). */
function unescape(word: string): string {
  const controls: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', "'": "'", '\\': '\\' };
  return word.replace(/\\(.)/gs, (escape: string, char: string) => controls[char] ?? escape);
}

export const directives = (block: readonly Directive[], name: string) => block.filter((directive) => directive.name === name);

/** The one directive of that name in the block, or an error naming it. */
export function only(block: readonly Directive[], name: string): Directive {
  const found = directives(block, name);
  if (found.length !== 1) throw new Error(`nginx config: expected one ${name}, found ${found.length}`);
  return found[0];
}

export interface NginxRequest {
  /** The path without the query string, decoded. */
  readonly path: string;
  readonly method?: string;
  /** Request headers, names in lower case. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface NginxAnswer {
  readonly status: number;
  /** The file of the root sent, when one is. */
  readonly file?: string;
  /** A `return`'s text. */
  readonly body?: string;
  /** A `return`'s type: the location's default_type, or the extension's type from the included mime.types. */
  readonly contentType?: string;
  /** Where `proxy_pass` sends the request (the `set` upstream), when it does. */
  readonly upstream?: string;
  /** The headers add_header adds (names as written). */
  readonly headers: Readonly<Record<string, string>>;
}

const LOCATION_DIRECTIVES = new Set(['return', 'try_files', 'default_type', 'types', 'access_log', 'add_header', 'set', 'proxy_pass']);
/** The statuses add_header adds to without `always`. */
const ADD_HEADER_STATUSES = new Set([200, 201, 204, 206, 301, 302, 303, 304, 307, 308]);
const MAX_REDIRECTS = 10;

interface Location {
  readonly modifier: '=' | '^~' | '~' | '~*' | '' | '@';
  readonly pattern: string;
  readonly body: readonly Directive[];
}

function locationsOf(server: readonly Directive[]): Location[] {
  return directives(server, 'location').map(({ args, block = [] }) => {
    for (const directive of block) {
      if (!LOCATION_DIRECTIVES.has(directive.name)) throw new Error(`nginx config: location ${args.join(' ')}: ${directive.name} is not simulated here`);
    }
    if (args.length === 1) return args[0].startsWith('@') ? { modifier: '@', pattern: args[0], body: block } : { modifier: '', pattern: args[0], body: block };
    if (args.length === 2 && ['=', '^~', '~', '~*'].includes(args[0])) return { modifier: args[0] as Location['modifier'], pattern: args[1], body: block };
    throw new Error(`nginx config: cannot read location ${args.join(' ')}`);
  });
}

/** nginx's choice: an exact match; else the longest prefix if `^~`; else the first regular expression that matches; else that prefix. */
export function locationOf(server: readonly Directive[], path: string): Location | undefined {
  const locations = locationsOf(server);
  const exact = locations.find((location) => location.modifier === '=' && location.pattern === path);
  if (exact) return exact;
  const prefixes = locations.filter((location) => (location.modifier === '' || location.modifier === '^~') && path.startsWith(location.pattern));
  const longest = prefixes.sort((a, b) => b.pattern.length - a.pattern.length)[0];
  if (longest?.modifier === '^~') return longest;
  const regex = locations.find((location) => (location.modifier === '~' || location.modifier === '~*') && new RegExp(location.pattern, location.modifier === '~*' ? 'i' : '').test(path));
  return regex ?? longest;
}

/**
 * What nginx answers for a request to the `server` block (with the `http`
 * block around it, for its maps and headers), given the files under its root
 * (paths as the URI names them, e.g. `/index.html`).
 */
export function answer(server: readonly Directive[], request: NginxRequest, files: ReadonlySet<string>, http: readonly Directive[] = []): NginxAnswer {
  const method = request.method ?? 'GET';
  const named = new Map(locationsOf(server).filter((l) => l.modifier === '@').map((l) => [l.pattern, l]));
  const errorPages = new Map(directives(server, 'error_page').flatMap(({ args }) => args.slice(0, -1).map((code) => [Number(code), args[args.length - 1]] as const)));

  const finish = (location: Location | undefined, uri: string, result: Omit<NginxAnswer, 'headers'>): NginxAnswer => ({
    ...result,
    headers: headersOf(http, server, location, uri, result.status, request),
  });
  const fail = (status: number, uri: string, location: Location | undefined): NginxAnswer => {
    const page = errorPages.get(status);
    if (page === undefined) return finish(location, uri, { status });
    const target = named.get(page);
    if (!target) throw new Error(`nginx config: error_page ${status} ${page} is not a named location`);
    return run(target, uri, 0);
  };
  const run = (location: Location | undefined, uri: string, redirects: number): NginxAnswer => {
    if (redirects > MAX_REDIRECTS) throw new Error(`nginx config: ${request.path} redirects in a loop`);
    if (!location) return fail(404, uri, location);
    const body = location.body;
    const returned = directives(body, 'return')[0];
    if (returned) {
      const status = Number(returned.args[0]);
      if (returned.args.length === 1) return status >= 400 ? fail(status, uri, location) : finish(location, uri, { status });
      return finish(location, uri, { status, body: returned.args[1], contentType: contentTypeOf(location, uri) });
    }
    const proxied = directives(body, 'proxy_pass')[0];
    if (proxied) return finish(location, uri, { status: 200, upstream: upstreamOf(body, proxied) });
    const serve = (file: string) => (method === 'GET' || method === 'HEAD' ? finish(location, uri, { status: 200, file }) : finish(location, uri, { status: 405 }));
    const tries = directives(body, 'try_files')[0];
    if (!tries) return files.has(uri) ? serve(uri) : fail(404, uri, location);
    for (const candidate of tries.args.slice(0, -1)) {
      const file = candidate.replaceAll('$uri', uri);
      if (files.has(file)) return serve(file);
    }
    const last = tries.args[tries.args.length - 1];
    if (last.startsWith('=')) return fail(Number(last.slice(1)), uri, location);
    return run(locationOf(server, last), last, redirects + 1);
  };
  return run(locationOf(server, request.path), request.path, 0);
}

function upstreamOf(body: readonly Directive[], proxied: Directive): string {
  const target = /^http:\/\/\$([a-z_]+)$/.exec(proxied.args[0])?.[1];
  const set = directives(body, 'set').find((directive) => directive.args[0] === `$${target}`);
  if (!target || !set) throw new Error(`nginx config: proxy_pass ${proxied.args[0]} is not to a variable set in its location`);
  return set.args[1];
}

/** A `return`'s Content-Type: the extension's type unless the location clears `types`, else its default_type. */
function contentTypeOf(location: Location, uri: string): string | undefined {
  const types = directives(location.body, 'types')[0];
  const extension = /[^/]\.([^./]+)$/.exec(uri)?.[1];
  if (extension && !types) return `(mime.types: .${extension})`;
  return directives(location.body, 'default_type')[0]?.args[0];
}

/** add_header is inherited from the level above only by a level that has none of its own. */
function headersOf(http: readonly Directive[], server: readonly Directive[], location: Location | undefined, uri: string, status: number, request: NginxRequest): Record<string, string> {
  const levels = [location?.body ?? [], server, http];
  const adds = directives(levels.find((level) => directives(level, 'add_header').length > 0) ?? [], 'add_header');
  const headers: Record<string, string> = {};
  for (const { args } of adds) {
    const [name, value, always] = args;
    if (always !== 'always' && !ADD_HEADER_STATUSES.has(status)) continue;
    const resolved = value.replace(/\$([a-z_]+)/g, (_, variable: string) => variableOf(http, variable, uri, request));
    // An empty value adds no header.
    if (resolved !== '') headers[name] = resolved;
  }
  return headers;
}

function variableOf(http: readonly Directive[], variable: string, uri: string, request: NginxRequest): string {
  if (variable === 'uri') return uri;
  if (variable.startsWith('http_')) return request.headers?.[variable.slice('http_'.length).replaceAll('_', '-')] ?? '';
  const map = directives(http, 'map').find((directive) => directive.args[1] === `$${variable}`);
  if (!map) throw new Error(`nginx config: $${variable} is not simulated here`);
  const source = variableOf(http, map.args[0].slice(1), uri, request);
  const entries = (map.block ?? []).map(({ name, args }) => ({ key: name, value: args[0] ?? '' }));
  const exact = entries.find((entry) => !entry.key.startsWith('~') && entry.key !== 'default' && entry.key === source);
  if (exact) return exact.value;
  const regex = entries.find((entry) => entry.key.startsWith('~') && new RegExp(entry.key.replace(/^~\*?/, ''), entry.key.startsWith('~*') ? 'i' : '').test(source));
  if (regex) return regex.value;
  return entries.find((entry) => entry.key === 'default')?.value ?? '';
}
