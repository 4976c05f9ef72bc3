import type { Problem } from '@paketbygd/model';
import { pw } from '../i18n/page-words';
import { checkCompareDocument } from '../scenario/check';
import { state } from '../state/state';
import { $ } from '../ui/dom';

/** What will be compared: variants, bids and the scoring, each with a Remove button. */
export function renderEntries(): void {
  const items = [
    ...state.variants.map((v, i) => ({
      text: pw().variant(v.name),
      remove: () => state.variants.splice(i, 1),
    })),
    ...state.bids.map((b, i) => ({
      text: pw().bid(String(b.id), String(b.bidder ?? '')),
      remove: () => state.bids.splice(i, 1),
    })),
    ...(state.scoring
      ? [
          {
            text: pw().scoring(String(state.scoring.name ?? state.scoring.model ?? 'scoring')),
            remove: () => (state.scoring = undefined),
          },
        ]
      : []),
  ];
  const list = $('compare-entries');
  list.innerHTML = '';
  for (const item of items) {
    const li = document.createElement('li');
    const span = document.createElement('span');
    span.textContent = item.text;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = pw().remove;
    button.setAttribute('aria-label', pw().removeItem(item.text));
    button.addEventListener('click', () => {
      item.remove();
      renderEntries();
    });
    li.append(span, button);
    list.append(li);
  }
  $<HTMLButtonElement>('run-compare').disabled =
    !state.raw || state.bids.length + state.variants.length === 0;
}

/** A bid (replacing one with the same id) or the scoring; its problems name the file. */
export function addCompareDocument(doc: unknown, source: string): Problem[] {
  const checked = checkCompareDocument(doc);
  if (!checked.ok) return checked.problems.map((p) => ({ ...p, path: `${source}: ${p.path}` }));
  if (checked.kind === 'scoring') state.scoring = checked.value;
  else {
    state.bids = state.bids.filter((b) => b.id !== checked.value.id);
    state.bids.push(checked.value);
  }
  return [];
}
