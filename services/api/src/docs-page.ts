import { escapeHtml as e } from '@paketbygd/report';

type Json = Record<string, unknown>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function refName(schema: unknown): string | undefined {
  const r = (schema as Json | undefined)?.$ref;
  return typeof r === 'string' ? r.replace('#/components/schemas/', '') : undefined;
}

function schemaLabel(schema: unknown): string {
  const name = refName(schema);
  if (name) return `<a href="#schema-${e(name)}">${e(name)}</a>`;
  const s = schema as Json | undefined;
  if (s && Array.isArray(s.oneOf)) return s.oneOf.map(schemaLabel).join(' | ');
  return e(String(s?.type ?? 'any'));
}

/** Markdown-ish inline code in descriptions, after escaping. */
const prose = (text: unknown) => e(String(text ?? '')).replace(/`([^`]+)`/g, '<code>$1</code>');

function operation(path: string, method: string, op: Json, shared: Json[]): string {
  const parameters = [...shared, ...((op.parameters as Json[] | undefined) ?? [])];
  const body = (op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
  const responses = Object.entries((op.responses as Record<string, Json>) ?? {});
  const secured = !(Array.isArray(op.security) && op.security.length === 0);
  return `<section class="op" id="${e(String(op.operationId ?? `${method}-${path}`))}">
<h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${e(path)}</code> ${secured ? '<span class="lock" title="needs an API key">key</span>' : ''}</h3>
<p><strong>${prose(op.summary)}</strong></p>
${op.description ? `<p>${prose(op.description)}</p>` : ''}
${
  parameters.length
    ? `<table><tr><th>parameter</th><th>in</th><th>type</th><th>description</th></tr>${parameters
        .map(
          (p) =>
            `<tr><td><code>${e(String(p.name))}</code>${p.required ? ' *' : ''}</td><td>${e(String(p.in))}</td><td>${schemaLabel(p.schema)}</td><td>${prose(p.description)}</td></tr>`,
        )
        .join('')}</table>`
    : ''
}
${
  body
    ? `<p>Body: ${Object.entries(body)
        .map(([type, c]) => `<code>${e(type)}</code> ${schemaLabel(c.schema)}`)
        .join(', ')}</p>`
    : ''
}
<table><tr><th>status</th><th>description</th><th>content</th></tr>${responses
    .map(([status, r]) => {
      const content = Object.entries((r.content as Record<string, Json> | undefined) ?? {})
        .map(([type, c]) => `<code>${e(type)}</code> ${schemaLabel(c.schema)}`)
        .join('<br>');
      return `<tr><td>${e(status)}</td><td>${prose(r.description)}</td><td>${content}</td></tr>`;
    })
    .join('')}</table>
</section>`;
}

/**
 * The docs page: the OpenAPI document rendered on the server as one self-contained HTML page
 * (no script, no CDN), so it works offline and under a strict Content-Security-Policy.
 */
export function renderDocsPage(doc: Json): string {
  const info = doc.info as Json;
  const paths = doc.paths as Record<string, Json>;
  const schemas = ((doc.components as Json).schemas ?? {}) as Record<string, unknown>;
  const ops: string[] = [];
  const index: string[] = [];
  for (const [path, item] of Object.entries(paths)) {
    const shared = (item.parameters as Json[] | undefined) ?? [];
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      ops.push(operation(path, method, op, shared));
      const anchor = String(op.operationId ?? `${method}-${path}`);
      index.push(
        `<li><a href="#${e(anchor)}"><span class="method ${method}">${method.toUpperCase()}</span> ${e(path)}</a></li>`,
      );
    }
  }
  const schemaBlocks = Object.entries(schemas).map(
    ([name, schema]) =>
      `<details id="schema-${e(name)}"><summary>${e(name)}</summary><pre>${e(JSON.stringify(schema, null, 2))}</pre></details>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(String(info.title))} ${e(String(info.version))}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem 2rem;color:#1d2733}
code,pre{font:13px ui-monospace,monospace}pre{background:#f4f6f8;padding:.75rem;overflow:auto;max-height:40rem}
table{border-collapse:collapse;margin:.5rem 0;width:100%}th,td{border-bottom:1px solid #dde3ea;padding:.3rem .5rem;text-align:left;vertical-align:top}
.op{border-top:2px solid #dde3ea;padding-top:.5rem;margin-top:1.5rem}.method{display:inline-block;min-width:4.2rem;font-weight:700;font-size:12px;padding:.1rem .3rem;border-radius:3px;color:#fff;text-align:center}
.get{background:#2f6fb3}.post{background:#2f8a4c}.delete{background:#b33a2f}.lock{font-size:11px;border:1px solid #999;border-radius:3px;padding:0 .25rem;color:#555}
ul.index{columns:2;list-style:none;padding:0}ul.index a{text-decoration:none;color:inherit}summary{cursor:pointer;font-weight:600}
</style></head><body>
<h1>${e(String(info.title))} <small>${e(String(info.version))}</small></h1>
<p>${prose(info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${e(String(doc.openapi))}).</p>
<h2>Operations</h2><ul class="index">${index.join('')}</ul>
${ops.join('\n')}
<h2>Schemas</h2>
${schemaBlocks.join('\n')}
</body></html>`;
}
