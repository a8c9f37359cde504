// Every call the console makes, in one typed module (a generated OpenAPI client can replace the bodies).
// The backend-for-frontend relays /api/<service>/... to that service's /api/... with the session's token.

export interface Problem { type?: string; title?: string; status: number; detail: string; errors?: { field: string; message: string }[] }

export class ApiError extends Error {
  constructor(readonly problem: Problem) { super(problem.detail) }
  get status(): number { return this.problem.status }
}

/** The problem+json `detail` when there is one; otherwise a sentence that still says what happened. */
export function problemOf(status: number, body: string, contentType: string | null): Problem {
  if (contentType && contentType.includes('json')) {
    try {
      const parsed = JSON.parse(body)
      if (parsed && typeof parsed.detail === 'string') return { ...parsed, status }
      if (parsed && typeof parsed.title === 'string') return { ...parsed, status, detail: parsed.title }
    } catch { /* not JSON after all */ }
  }
  return { status, detail: `HTTP ${status}${body && body.length < 200 ? ': ' + body : ''}` }
}

type Service = 'registration' | 'station' | 'notification'

let onUnauthorized: () => void = () => {}
export function whenSignedOut(handler: () => void) { onUnauthorized = handler }

async function call<T>(service: Service | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const url = service ? `/api/${service}${path}` : path
  let response: Response
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Console': '1', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    })
  } catch {
    throw new ApiError({ status: 0, detail: 'network' })
  }
  const text = await response.text()
  if (!response.ok) {
    const problem = problemOf(response.status, text, response.headers.get('Content-Type'))
    if (response.status === 401) onUnauthorized()
    throw new ApiError(problem)
  }
  return (text ? JSON.parse(text) : undefined) as T
}

export interface Session { subject: string; name: string; roles: string[]; expiresAt: string }
export interface Station { id: string; name: string; address: string; dailyCapacityTonnes: number; createdAt?: string }
export interface MetricValue { metric: string; unit: string; value: number; timestamp: string; deviceId: string }
export interface Alert {
  id: string; stationId: string; deviceId: string; rule: string; metric: string | null; value: number | null
  severity: Severity; state: AlertState; raisedAt: string; acknowledgedBy?: string | null; acknowledgedAt?: string | null; resolvedAt?: string | null
}
export type Severity = 'WARNING' | 'MAJOR' | 'CRITICAL'
export type AlertState = 'ACTIVE' | 'ACKNOWLEDGED' | 'RESOLVED'
export interface StationStatus {
  stationId: string; name: string; at: string; metrics: MetricValue[]; devicesLastSeen: Record<string, string>
  openAlerts: Alert[]; today: { date: string; timeZone: string; tonnes: number; loads: number; dailyCapacityTonnes: number; shareOfCapacity: number }
}
export interface Bucket { start: string; min: number | null; max: number | null; avg: number | null; count: number }
export interface Series { stationId: string; metric: string; unit: string; from: string; to: string; step: string; buckets: Bucket[] }
export interface Throughput { stationId: string; timeZone: string; days: { date: string; tonnes: number; loads: number }[] }
export interface Rule {
  name: string; kind: 'THRESHOLD' | 'SILENT_DEVICE' | 'DAILY_CAPACITY'; severity: Severity
  metric?: string; comparator?: 'ABOVE' | 'BELOW'; threshold?: number; clearThreshold?: number; forSeconds?: number
  silentSeconds?: number; percent?: number; [extra: string]: unknown
}
export interface Device { deviceId: string; description?: string; createdAt?: string; keyIssuedAt?: string }
export interface Command { commandId: string; stationId?: string; deviceId?: string; action?: string; status: string; message?: string | null; issuedAt?: string; expiresAt?: string }
export interface Programme {
  id: string; name: string; community: string; location: string; startDate: string; endDate: string; dropOffTime: string
  minAge: number; maxAge: number; capacity: number; waitlistCapacity: number; signupOpensAt: string; signupClosesAt: string
  seatsTaken?: number; seatsLeft?: number; waitlistLength?: number; allocation?: string
}
export interface RosterEntry {
  enrollmentId: string; waitlistPosition?: number; confirmedAt?: string; childName?: string; childDateOfBirth?: string
  guardianId?: string; guardianName?: string; phone?: string; email?: string; language?: string
}
export interface Roster { programmeId: string; name: string; capacity: number; waitlistCapacity: number; seatsTaken: number; waitlistLength: number; confirmed: RosterEntry[]; waitlist: RosterEntry[] }
export interface Contact { enrollmentId: string; guardianName?: string; phone?: string; email?: string }
export interface Subscription {
  id: string; channel: 'WEBHOOK' | 'EMAIL'; target: string; stationIds?: string[]; minSeverity: Severity; includeResolved: boolean
  quietHours?: { start: string; end: string; timeZone: string }; createdAt?: string; signingSecret?: string
}
export interface Delivery {
  id: string; subscriptionId: string; eventId: string; eventType: string; alertId?: string; stationId?: string; severity?: Severity
  status: 'DELIVERED' | 'RETRYING' | 'FAILED'; attempts: { at: string; statusCode?: number | null; error?: string | null; durationMs: number }[]
  nextAttemptAt?: string; createdAt?: string; completedAt?: string
}

const q = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, v)
  const s = search.toString()
  return s ? `?${s}` : ''
}
const seg = encodeURIComponent

export const api = {
  session: () => call<Session>(null, 'GET', '/api/session'),
  logout: () => call<{ next: string }>(null, 'POST', '/logout'),

  stations: () => call<Station[]>('station', 'GET', '/stations'),
  createStation: (s: Station) => call<Station>('station', 'POST', '/stations', s),
  station: (id: string) => call<Station>('station', 'GET', `/stations/${seg(id)}`),
  status: (id: string) => call<StationStatus>('station', 'GET', `/stations/${seg(id)}/status`),
  readings: (id: string, metric: string, from: string, to: string, step: string) =>
    call<Series>('station', 'GET', `/stations/${seg(id)}/readings${q({ metric, from, to, step })}`),
  throughput: (id: string, from: string, to: string) => call<Throughput>('station', 'GET', `/stations/${seg(id)}/throughput${q({ from, to })}`),
  devices: (id: string) => call<Device[]>('station', 'GET', `/stations/${seg(id)}/devices`),
  registerDevice: (id: string, deviceId: string) => call<{ deviceId: string; deviceKey: string }>('station', 'POST', `/stations/${seg(id)}/devices`, { deviceId }),
  alerts: (state?: string, stationId?: string) => call<Alert[]>('station', 'GET', `/alerts${q({ state, stationId })}`),
  acknowledge: (alertId: string) => call<Alert>('station', 'POST', `/alerts/${seg(alertId)}/acknowledge`),
  rules: (id: string) => call<Rule[]>('station', 'GET', `/stations/${seg(id)}/rules`),
  saveRules: (id: string, rules: Rule[]) => call<Rule[]>('station', 'PUT', `/stations/${seg(id)}/rules`, rules),
  sendCommand: (id: string, body: { deviceId: string; action: string; override?: boolean; reason?: string }) =>
    call<Command>('station', 'POST', `/stations/${seg(id)}/commands`, body),
  command: (commandId: string) => call<Command>('station', 'GET', `/commands/${seg(commandId)}`),

  programmes: () => call<Programme[]>('registration', 'GET', '/programmes'),
  createProgramme: (p: Omit<Programme, 'id'>) => call<Programme>('registration', 'POST', '/programmes', p),
  roster: (id: string) => call<Roster>('registration', 'GET', `/programmes/${seg(id)}/roster`),
  contact: (enrollmentId: string) => call<Contact>('registration', 'GET', `/enrollments/${seg(enrollmentId)}/contact`),

  subscriptions: () => call<Subscription[]>('notification', 'GET', '/subscriptions'),
  createSubscription: (s: Omit<Subscription, 'id'>) => call<Subscription>('notification', 'POST', '/subscriptions', s),
  deleteSubscription: (id: string) => call<void>('notification', 'DELETE', `/subscriptions/${seg(id)}`),
  deliveries: (subscriptionId?: string, status?: string) => call<Delivery[]>('notification', 'GET', `/deliveries${q({ subscriptionId, status })}`),
  retryDelivery: (id: string) => call<Delivery>('notification', 'POST', `/deliveries/${seg(id)}/retry`),
}

/** The notification service's alert stream, through the relay; reconnects with Last-Event-ID by itself. */
export function alertStream(onAlert: (alert: Alert, type: string) => void, onState: (open: boolean) => void): () => void {
  const source = new EventSource('/api/notification/alerts/stream')
  const handle = (e: MessageEvent) => {
    try {
      const event = JSON.parse(e.data)
      const data = event.data ?? event
      onAlert({
        id: data.alertId, stationId: data.stationId, deviceId: data.deviceId, rule: data.rule, metric: data.metric ?? null,
        value: data.value ?? null, severity: data.severity, state: data.state, raisedAt: data.occurredAt,
      }, e.type === 'message' ? (event.type ?? 'message') : e.type)
    } catch { /* a heartbeat or something we cannot read: nothing to show */ }
  }
  for (const type of ['AlertRaised', 'AlertEscalated', 'AlertAcknowledged', 'AlertResolved', 'message']) {
    source.addEventListener(type, handle as EventListener)
  }
  source.onopen = () => onState(true)
  source.onerror = () => onState(false)
  return () => source.close()
}
