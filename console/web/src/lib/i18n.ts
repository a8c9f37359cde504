// Chinese first, with an English switch; the choice is a preference, kept in localStorage (no secret in it).
import { ref } from 'vue'
import { zh } from './i18n-zh'
import { en } from './i18n-en'

export type Locale = 'zh' | 'en'
export type Key = keyof typeof zh

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('zh-console-locale') : null
export const locale = ref<Locale>(stored === 'en' ? 'en' : 'zh')

export function setLocale(next: Locale) {
  locale.value = next
  localStorage.setItem('zh-console-locale', next)
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en'
}

/** A label, with {name} placeholders filled in. */
export function t(key: Key, params: Record<string, string | number> = {}): string {
  const dictionary: Record<Key, string> = locale.value === 'zh' ? zh : en
  return dictionary[key].replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''))
}

/** Enum values (states, severities, metrics, actions) have labels too; unknown ones show as they are. */
export function label(kind: 'severity' | 'state' | 'metric' | 'action' | 'status' | 'kind' | 'allocation' | 'channel', value: string | null | undefined): string {
  if (!value) return '—'
  const key = `${kind}.${value}` as Key
  const dictionary: Record<string, string> = locale.value === 'zh' ? zh : en
  return dictionary[key] ?? value
}
