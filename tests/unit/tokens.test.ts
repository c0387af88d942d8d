import { readFileSync, readdirSync } from 'node:fs';
import { WINDOW_BACKGROUND } from '../../electron/window-options.ts';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every colour the renderer draws with is a token in renderer/ui/tokens.css, so the light and dark
// schemes each change in one place; and each text colour keeps WCAG AA contrast (4.5:1) on every
// surface it is drawn on, in both schemes. The axe scans in tests/e2e/a11y.spec.ts check the
// screens as drawn; this checks the tokens themselves, including pairs no demo screen happens to show.

const ROOT = resolve(import.meta.dirname, '../..');
const TOKENS = join(ROOT, 'renderer/ui/tokens.css');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path, ext);
    return ext.test(e.name) ? [path] : [];
  });
}

// CSS named colours (CSS Color 4), besides transparent and currentColor, which are no colour of their own.
const NAMED = new Set(
  `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood
  cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray
  darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
  darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue
  firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew
  hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
  lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray
  lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue
  mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred
  midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
  palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple
  rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue
  slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white
  whitesmoke yellow yellowgreen canvas canvastext buttonface buttontext field fieldtext highlight highlighttext`.split(/\s+/),
);
const FUNCTION = /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i;
const HEX = /#[0-9a-f]{3,8}\b/i;

/** The colour literals in a stylesheet's declarations: "prop: value" lines that name a colour outright. */
export function cssColourLiterals(css: string): string[] {
  const found: string[] = [];
  const plain = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of plain.matchAll(/([-a-z]+)\s*:\s*([^;{}]+);/gi)) {
    const [, prop, raw] = m as unknown as [string, string, string];
    if (prop.startsWith('--')) continue; // a custom property's value is checked where it is a token
    const value = raw.replace(/'[^']*'|"[^"]*"/g, '');
    const words = value.toLowerCase().match(/(?<![-\w])[a-z]+(?![-\w(])/g) ?? [];
    if (HEX.test(value) || FUNCTION.test(value) || words.some((w) => NAMED.has(w))) found.push(`${prop}: ${raw.trim()}`);
  }
  return found;
}

/** The colour literals in a component: a string that is a colour, or a colour in a style or SVG paint attribute. */
export function tsxColourLiterals(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(['"`])(#[0-9a-f]{3,8}|(?:rgba?|hsla?|oklch|oklab)\([^'"`]*\))\1/gi)) found.push(m[2]!);
  for (const m of source.matchAll(
    /\b(?:fill|stroke|stopColor|color|background|backgroundColor|borderColor)\s*[=:]\s*\{?\s*['"]([^'"]+)['"]/g,
  )) {
    const v = m[1]!.toLowerCase();
    if (NAMED.has(v)) found.push(m[0]);
  }
  return found;
}

describe('every colour is a token', () => {
  it('a colour literal is found when there is one', () => {
    expect(cssColourLiterals('.a { color: #fff; }\n.b { background: rgb(0 0 0 / 50%); }\n.c { border: 1px solid red; }')).toEqual([
      'color: #fff',
      'background: rgb(0 0 0 / 50%)',
      'border: 1px solid red',
    ]);
    expect(tsxColourLiterals(`<div style={{ color: 'white', background: '#123456' }} /><path fill="black" />`)).toEqual([
      '#123456',
      "color: 'white'",
      'fill="black"',
    ]);
    // Names that merely contain a colour's name, and tokens, are not literals.
    expect(
      cssColourLiterals(
        '.a { white-space: nowrap; color: var(--ink); background: var(--field); border: 1px solid currentColor; content: "red"; }',
      ),
    ).toEqual([]);
  });

  it('no stylesheet of the renderer but tokens.css names a colour', () => {
    const found = files(join(ROOT, 'renderer'), /\.css$/)
      .filter((f) => f !== TOKENS)
      .flatMap((f) => cssColourLiterals(readFileSync(f, 'utf8')).map((d) => `${relative(ROOT, f)} · ${d}`));
    expect(found).toEqual([]);
  });

  it('no component of the renderer names a colour inline', () => {
    const found = files(join(ROOT, 'renderer'), /\.tsx?$/).flatMap((f) =>
      tsxColourLiterals(readFileSync(f, 'utf8')).map((d) => `${relative(ROOT, f)} · ${d}`),
    );
    expect(found).toEqual([]);
  });
});

type Scheme = Map<string, string>;

/** The tokens of one :root block: `--name: value`. */
const declarations = (block: string): [string, string][] =>
  [...block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()] as [string, string]);

/** The light scheme (the first :root) and the dark one (the light with the dark media query's :root over it). */
function schemes(css: string): { light: Scheme; dark: Scheme } {
  const plain = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const light = new Map(declarations(/^:root\s*\{([^}]*)\}/m.exec(plain)![1]!));
  const dark = /@media screen and \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(plain);
  return { light, dark: new Map([...light, ...declarations(dark![1]!)]) };
}

function rgbOf(scheme: Scheme, token: string): [number, number, number] {
  let value = scheme.get(token);
  for (let hops = 0; value?.startsWith('var('); hops++) value = scheme.get(/var\((--[\w-]+)\)/.exec(value)![1]!);
  const hex = /^#([0-9a-f]{6})$/i.exec(value ?? '');
  if (!hex) throw new Error(`${token} is not a six-digit colour: ${value}`);
  return [0, 2, 4].map((i) => parseInt(hex[1]!.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2 contrast ratio between two colours. */
export function contrast(a: [number, number, number], b: [number, number, number]): number {
  const lum = (c: number[]) => {
    const [r, g, bl] = c.map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const SURFACES = ['--bg', '--panel', '--surface-sunken', '--surface-muted', '--control', '--control-hover', '--field'];
/** Text colours and every surface each is drawn on (read off the stylesheets: a tint, a card, a notice). */
const TEXT_ON: Record<string, string[]> = {
  '--ink': [
    ...SURFACES,
    '--accent-soft',
    '--accent-faint',
    '--next',
    '--next-head',
    '--overreach-faint',
    '--in-reach-bg',
    '--stretch-bg',
    '--overreach-bg',
  ],
  '--ink-soft': [...SURFACES, '--accent-faint'],
  '--muted': [
    ...SURFACES,
    '--accent-faint',
    '--accent-soft',
    '--next',
    '--overreach-faint',
    '--in-reach-bg',
    '--stretch-bg',
    '--overreach-bg',
  ],
  '--accent': [...SURFACES, '--accent-soft', '--accent-faint', '--next'],
  '--on-accent': ['--accent'],
  '--in-reach': [...SURFACES, '--in-reach-bg'],
  '--stretch': [...SURFACES, '--stretch-bg'],
  '--overreach': [...SURFACES, '--overreach-bg', '--overreach-faint', '--control'],
  '--overreach-strong': ['--overreach-bg'],
};
/** Not text, but what shows where focus is, or which lane a card would land in: 3:1 (WCAG 1.4.11). */
const MARK_ON: Record<string, string[]> = {
  '--focus': [...SURFACES, '--accent-soft', '--overreach-faint'],
  '--in-reach': ['--in-reach-bg'],
  '--stretch': ['--stretch-bg'],
  '--overreach': ['--overreach-bg'],
};

describe.each(['light', 'dark'] as const)('the %s scheme', (name) => {
  const scheme = schemes(readFileSync(TOKENS, 'utf8'))[name];

  it('defines every token the other scheme defines', () => {
    const { light, dark } = schemes(readFileSync(TOKENS, 'utf8'));
    expect([...dark.keys()].sort()).toEqual([...light.keys()].sort());
  });

  it("is the Electron window's colour before the page paints", () => {
    expect(WINDOW_BACKGROUND[name]).toBe(scheme.get('--bg'));
  });

  it('keeps every text colour at 4.5:1 or more on each surface it is drawn on', () => {
    const low = Object.entries(TEXT_ON).flatMap(([fg, bgs]) =>
      bgs.flatMap((bg) => {
        const ratio = contrast(rgbOf(scheme, fg), rgbOf(scheme, bg));
        return ratio < 4.5 ? [`${fg} on ${bg}: ${ratio.toFixed(2)}`] : [];
      }),
    );
    expect(low).toEqual([]);
  });

  it('keeps focus rings and fit outlines at 3:1 or more', () => {
    const low = Object.entries(MARK_ON).flatMap(([fg, bgs]) =>
      bgs.flatMap((bg) => {
        const ratio = contrast(rgbOf(scheme, fg), rgbOf(scheme, bg));
        return ratio < 3 ? [`${fg} on ${bg}: ${ratio.toFixed(2)}`] : [];
      }),
    );
    expect(low).toEqual([]);
  });
});
