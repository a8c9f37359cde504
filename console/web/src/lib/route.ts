// Hash routes: the backend serves one page, and a reload keeps the place.
import { ref } from 'vue'

export interface Route { name: string; params: string[]; query: URLSearchParams }

export function parseRoute(hash: string): Route {
  const [path, search] = hash.replace(/^#/, '').split('?')
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent)
  return { name: parts[0] ?? 'overview', params: parts.slice(1), query: new URLSearchParams(search ?? '') }
}

export const route = ref<Route>(parseRoute(typeof location !== 'undefined' ? location.hash : ''))
if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => { route.value = parseRoute(location.hash) })
}

export function go(path: string) { location.hash = path }
