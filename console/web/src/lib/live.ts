// The live alert stream, shared by every page: one EventSource for the whole console.
import { reactive } from 'vue'
import { alertStream, type Alert } from './api'
import { mergeAlert } from './format'

export const live = reactive({
  connected: false,
  alerts: [] as Alert[],
  banner: null as Alert | null,
  sound: false,
  /** The newest event, for pages that merge it into a list of their own. */
  last: null as { alert: Alert; type: string; seq: number } | null,
})
let seq = 0

let stop: (() => void) | null = null

export function startLive() {
  if (stop) return
  stop = alertStream((alert, type) => {
    live.alerts = mergeAlert(live.alerts, alert)
    live.last = { alert, type, seq: ++seq }
    if (type === 'AlertRaised' || type === 'AlertEscalated') {
      if (alert.severity === 'CRITICAL') {
        live.banner = alert
        if (live.sound) beep()
      }
    }
  }, open => { live.connected = open })
}

export function stopLive() {
  stop?.()
  stop = null
}

/** A short two-tone cue made on the spot: no audio file, nothing to load. */
function beep() {
  try {
    const context = new AudioContext()
    const oscillator = context.createOscillator()
    const gain = context.createGain()
    oscillator.connect(gain)
    gain.connect(context.destination)
    oscillator.frequency.setValueAtTime(880, context.currentTime)
    oscillator.frequency.setValueAtTime(660, context.currentTime + 0.2)
    gain.gain.setValueAtTime(0.2, context.currentTime)
    oscillator.start()
    oscillator.stop(context.currentTime + 0.4)
  } catch { /* no audio on this device */ }
}
