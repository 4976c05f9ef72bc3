import type { HTMLElement } from 'node-html-parser';

/** Every attribute that makes a browser fetch something when the page opens. */
export function externalLoads(root: HTMLElement): string[] {
  const loads: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    for (const [name, value] of Object.entries(el.attributes)) {
      const n = name.toLowerCase();
      const fetching =
        n === 'src' ||
        n === 'srcset' ||
        n === 'poster' ||
        n === 'data' ||
        n === 'xlink:href' ||
        (n === 'href' && tag !== 'a');
      if (fetching && /^\s*(https?:)?\/\//i.test(value)) loads.push(`<${tag} ${n}="${value}">`);
    }
  }
  for (const style of root.querySelectorAll('style')) {
    if (/@import|url\(\s*['"]?(https?:)?\/\//i.test(style.text)) loads.push('<style> loads a URL');
  }
  return loads;
}
