import { describe, expect, it } from 'vitest';
import { sToClockTime } from '@paketbygd/model';
import {
  dayName,
  formatKg,
  formatKm,
  formatMinutes,
  formatMoney,
  formatMoneyPerParcel,
  formatNumber,
  formatShare,
  NBSP,
} from '../src/format';
import { pickLang, withLang } from '../src/i18n';
import { escapeHtml, html, raw } from '../src/html';
import { niceLengthM } from '../src/projection';

describe('format', () => {
  it('Swedish: thousands grouped by a no-break space, a decimal comma and a true minus (Intl sv-SE)', () => {
    withLang('sv', () => {
      expect(formatMoney(12345, 'SEK')).toBe(`12${NBSP}345${NBSP}SEK`);
      expect(formatNumber(1234567.891, 2)).toBe(`1${NBSP}234${NBSP}567,89`);
      expect(formatNumber(999)).toBe('999');
      expect(formatNumber(-4200)).toBe(`−4${NBSP}200`);
      expect(formatNumber(-0.01, 1)).toBe('0,0');
      expect(formatKm(4230)).toBe(`4,2${NBSP}km`);
      expect(formatShare(0.8734)).toBe(`87,3${NBSP}%`);
      expect(dayName('tue')).toBe('tisdag');
    });
  });

  it('English: comma thousands and a decimal point (Intl en-GB), the default', () => {
    expect(formatMoney(297800, 'SEK')).toBe(`297,800${NBSP}SEK`);
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
    expect(formatNumber(-0.01, 1)).toBe('0.0');
    expect(formatKm(4230)).toBe(`4.2${NBSP}km`);
    expect(formatShare(0.8734, 1, 'sv')).toBe(`87,3${NBSP}%`);
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(dayName('tue')).toBe('Tuesday');
  });

  it("gives a fall the decimals of a rise of the same size (the key figures' changes)", () => {
    expect(formatKg(-238.1)).toBe(`-238${NBSP}kg`);
    expect(formatKg(238.1)).toBe(`238${NBSP}kg`);
    expect(formatKg(-42.37)).toBe(`-42.4${NBSP}kg`);
    expect(formatMoneyPerParcel(-164.8, 'SEK')).toBe(`-165${NBSP}SEK`);
    expect(formatMoneyPerParcel(-64.8, 'SEK')).toBe(`-64.8${NBSP}SEK`);
    expect(formatMinutes(-900)).toBe(`-15${NBSP}min`);
    expect(formatMinutes(-300)).toBe(`-5.0${NBSP}min`);
  });

  it('picks Swedish for a Swedish browser, English otherwise', () => {
    expect(pickLang(['sv-SE', 'en-US'])).toBe('sv');
    expect(pickLang(['de-DE', 'sv'])).toBe('sv');
    expect(pickLang(['en-GB'])).toBe('en');
    expect(pickLang([])).toBe('en');
  });

  it("writes clock times as HH:MM (the model's sToClockTime, as the van tables do)", () => {
    expect(sToClockTime(7 * 3600 + 5 * 60)).toBe('07:05');
    expect(sToClockTime(13 * 3600 + 59 * 60 + 40)).toBe('14:00');
  });

  it('picks round scale-bar lengths', () => {
    expect(niceLengthM(7300)).toBe(5000);
    expect(niceLengthM(2100)).toBe(2000);
    expect(niceLengthM(999)).toBe(500);
  });
});

describe('html', () => {
  it('escapes interpolated text and attributes but not trusted markup', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const name = '<img src=x onerror=alert(1)>';
    expect(html`<td title="${name}">${name}</td>`.value).toBe(
      '<td title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;</td>',
    );
    expect(html`<p>${raw('<b>ok</b>')}${[1, 'a<b', null, undefined, false]}</p>`.value).toBe(
      '<p><b>ok</b>1a&lt;b</p>',
    );
  });
});
