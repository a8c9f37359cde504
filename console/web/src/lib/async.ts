// Loading, error and progress state for one call at a time, so every page shows them the same way.
import { ref } from 'vue'
import { ApiError, type Problem } from './api'

export function useCall() {
  const busy = ref(false)
  const problem = ref<Problem | null>(null)
  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    busy.value = true
    problem.value = null
    try {
      return await work()
    } catch (e) {
      problem.value = e instanceof ApiError ? e.problem : { status: 0, detail: String(e) }
      return undefined
    } finally {
      busy.value = false
    }
  }
  return { busy, problem, run }
}
