/** The API key lives in sessionStorage: this tab only, gone when it closes. */
const KEY_STORAGE = 'paketbygd.apiKey';

export function storedApiKey(): string {
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? '';
  } catch {
    return '';
  }
}

export function storeApiKey(key: string): void {
  try {
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    else sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // storage unavailable (private mode): the key lives in the field only
  }
}
