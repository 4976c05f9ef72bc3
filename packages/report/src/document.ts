import { html, raw, type HtmlValue, type SafeHtml } from './html';
import { currentLang } from './i18n';
import { STYLES } from './styles';

/**
 * The page shell. The content security policy forbids every network load except images, and
 * images only for an optional tile background; so even a crafted scenario cannot make the
 * report call out.
 */
export function renderDocument(
  title: string,
  body: HtmlValue,
  options: { allowImagesFrom?: string } = {},
): string {
  const imgSrc = options.allowImagesFrom ? `data: ${options.allowImagesFrom}` : 'data:';
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src ${imgSrc}`;
  const doc: SafeHtml = html`<!DOCTYPE html>
    <html lang="${currentLang()}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="Content-Security-Policy" content="${csp}" />
        <meta name="generator" content="Paketbygd" />
        <title>${title}</title>
        <style>
          ${raw(STYLES)}
        </style>
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html> `;
  return doc.value;
}
