// The staff console in real Chromium against the running local stack (./run.sh start): every task of a duty
// officer, with axe-core on each page and screenshots in Chinese at desktop and phone widths.
// Run by e2e-tests' ConsoleBrowserIT; by hand: CHROMIUM=/usr/bin/chromium PARENT_TOKEN=... node browser/console-flow.mjs
import { chromium, selectors } from 'playwright-core'
import { createRequire } from 'node:module'
import { mkdirSync } from 'node:fs'
import { randomUUID } from 'node:crypto'

const require = createRequire(import.meta.url)
const CONSOLE = process.env.CONSOLE_URL ?? 'http://localhost:8080'
const STATION_API = process.env.STATION_URL ?? 'http://localhost:8082'
const REGISTRATION_API = process.env.REGISTRATION_URL ?? 'http://localhost:8081'
const SHOTS = process.env.SCREENSHOT_DIR ?? 'target/screenshots'
const PARENT_TOKEN = process.env.PARENT_TOKEN
const AXE = require.resolve('axe-core/axe.min.js')
const WAIT = 15_000
mkdirSync(SHOTS, { recursive: true })

const unique = prefix => `${prefix}-${randomUUID().slice(0, 8)}`
const step = name => console.log(`[console] ${name}`)

/** No serious or critical axe violation on the page as it stands. */
async function accessible(page, name) {
  await page.addScriptTag({ path: AXE })
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }))
  const bad = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
  if (bad.length) {
    throw new Error(`axe on ${name}: ` + bad.map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`).join('; '))
  }
  step(`axe ${name}: no serious or critical violations (${result.violations.length} minor)`)
}

async function shoot(page, name) {
  await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage: false })
  const size = page.viewportSize()
  await page.setViewportSize({ width: 390, height: 844 })
  await page.waitForTimeout(300) // the charts resize on the window's resize event
  await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: false })
  await page.setViewportSize(size)
}

async function logIn(page, user) {
  await page.goto(CONSOLE + '/')
  await page.getByTestId('login').waitFor({ timeout: WAIT })
  await page.getByTestId('login').click()
  await page.locator('input[name="username"]').fill(user)
  await page.locator('input[name="password"]').fill('dev')
  await page.locator('button[type="submit"]').click()
}

selectors.setTestIdAttribute('data-test')
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] })
try {
  // axe is injected as a script; the console's CSP would rightly refuse it.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Europe/Berlin', bypassCSP: true })
  context.setDefaultTimeout(WAIT)
  await context.addInitScript(() => localStorage.setItem('zh-console-locale', 'zh'))
  const page = await context.newPage()
  page.on('pageerror', e => console.log('[page error]', e.message))

  step('a parent account is refused')
  await logIn(page, 'parent')
  await page.getByTestId('refused').waitFor()
  await accessible(page, 'login (refused)')
  // The provider's session belongs to the parent now: a fresh context logs staff in.
  await context.clearCookies()

  step('staff log in through the identity provider')
  await logIn(page, 'staff')
  await page.getByTestId('logout').waitFor()
  await page.getByRole('heading', { name: '站点总览' }).waitFor()

  step('register a station and a device')
  const stationId = unique('e2e-console')
  await page.getByRole('button', { name: '登记站点' }).click()
  await page.locator('input[name="id"]').fill(stationId)
  await page.locator('input[name="name"]').fill('龙江路垃圾转运站（测试）')
  await page.locator('input[name="address"]').fill('钟楼区龙江路')
  await page.locator('input[name="capacity"]').fill('200')
  await page.getByRole('button', { name: '创建' }).click()
  await page.locator(`[data-station="${stationId}"]`).waitFor()
  await page.locator(`[data-station="${stationId}"] h2 a`).click()
  await page.locator('input[name="deviceId"]').fill('gas-sensor-1')
  await page.getByRole('button', { name: '登记设备' }).click()
  const key = (await page.getByTestId('device-key').locator('code').textContent()).trim()

  async function post(readings) {
    const answer = await fetch(`${STATION_API}/api/stations/${stationId}/readings`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Device-Key': key }, body: JSON.stringify(readings),
    })
    if (answer.status !== 202) throw new Error(`readings answered ${answer.status}: ${await answer.text()}`)
  }
  // The last hour of a healthy station, one reading a minute per metric, so that the charts have a curve.
  const now = Date.now()
  const history = []
  for (let m = 60; m >= 1; m--) {
    const at = new Date(now - m * 60_000).toISOString()
    const wave = Math.sin(m / 6)
    history.push({ readingId: `h2s-${m}`, metric: 'h2s_ppm', value: +(4 + 2 * wave + (m % 3)).toFixed(1), timestamp: at })
    history.push({ readingId: `np-${m}`, metric: 'negative_pressure_pa', value: +(-42 + 6 * wave).toFixed(1), timestamp: at })
    history.push({ readingId: `temp-${m}`, metric: 'motor_temp_c', value: +(58 + 5 * Math.cos(m / 9)).toFixed(1), timestamp: at })
    history.push({ readingId: `fill-${m}`, metric: 'fill_level_pct', value: +(20 + (60 - m) * 0.9).toFixed(1), timestamp: at })
  }
  await post(history)
  await post([{ metric: 'negative_pressure_pa', value: -45 }, { metric: 'load_tonnes', value: 12.5 }, { metric: 'h2s_ppm', value: 3 }])

  step('a CRITICAL alert appears live, without reload')
  await page.goto(CONSOLE + '/#/alerts')
  await page.locator('.livebar:not(.off)').waitFor()
  const posted = Date.now()
  await post([{ metric: 'h2s_ppm', value: 25 }])
  const banner = page.getByTestId('critical-banner')
  await banner.filter({ hasText: stationId }).waitFor()
  step(`banner shown ${Date.now() - posted} ms after the reading was accepted (reading, alerting, notification, stream, page)`)
  const alert = page.locator('li.alert', { hasText: stationId }).first()
  await alert.waitFor()
  await accessible(page, 'alerts')

  step('acknowledge in one click; who and when are shown')
  await alert.getByTestId('acknowledge').click()
  await alert.getByTestId('acknowledged').filter({ hasText: 'staff' }).waitFor()
  await shoot(page, 'alerts')

  step('the station page draws the curve with its thresholds')
  await page.goto(CONSOLE + '/#/station/' + stationId)
  await page.locator('figure[data-metric="h2s_ppm"] canvas').waitFor()
  await page.locator('.badge-CRITICAL').first().waitFor()
  await accessible(page, 'station')
  await shoot(page, 'station')

  step('an interlocked START is refused, then sent with an override and a reason')
  const form = page.getByTestId('command-form')
  await form.locator('select[name="action"]').selectOption('START')
  await form.getByRole('button', { name: '发送指令' }).click()
  await page.getByTestId('interlock').waitFor()
  await page.getByTestId('interlock').filter({ hasText: 'CRITICAL' }).waitFor()
  await form.locator('input[name="override"]').check()
  await form.locator('textarea[name="reason"]').fill('现场确认硫化氢传感器故障，需启动压缩机清空料仓')
  await form.getByRole('button', { name: '强制发送' }).click()
  await page.locator('tr[data-command]', { hasText: '等待中' }).first().waitFor()

  step('overview tiles')
  await page.goto(CONSOLE + '/#/')
  await page.locator(`[data-station="${stationId}"] .badge-CRITICAL`).waitFor()
  await page.locator(`[data-station="${stationId}"]`, { hasText: '12.5 / 200 t' }).waitFor()
  await accessible(page, 'overview')
  await shoot(page, 'overview')

  step('create a programme and read its roster')
  await page.goto(CONSOLE + '/#/programmes')
  await page.getByRole('button', { name: '新建暑托班' }).click()
  const name = unique('泰盈社区爱心暑托班')
  const programmeForm = page.getByTestId('programme-form')
  await programmeForm.locator('input[name="name"]').fill(name)
  await programmeForm.locator('input[name="community"]').fill('泰盈社区')
  await programmeForm.locator('input[name="location"]').fill('泰盈社区活动中心')
  await programmeForm.locator('input[name="capacity"]').fill('1')
  await programmeForm.getByRole('button', { name: '创建' }).click()
  const card = page.locator('article[data-programme]', { hasText: name })
  await card.waitFor()
  const programmeId = await card.getAttribute('data-programme')
  await accessible(page, 'programmes')
  if (PARENT_TOKEN) {
    for (const [child, phone] of [['王小明', '13800001111'], ['李小红', '13900002222']]) {
      const answer = await fetch(`${REGISTRATION_API}/api/programmes/${programmeId}/enrollments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${PARENT_TOKEN}`, 'Idempotency-Key': unique('k') },
        body: JSON.stringify({ child: { fullName: child, dateOfBirth: `${new Date().getFullYear() - 8}-05-01` },
          guardian: { fullName: '家长', phone, email: `${phone}@example.cn` }, consentGiven: true }),
      })
      if (answer.status !== 201) throw new Error(`sign-up answered ${answer.status}: ${await answer.text()}`)
    }
  }
  await card.getByRole('link', { name: '名单' }).click()
  await page.getByRole('heading', { name: `名单：${name}` }).waitFor()
  if (PARENT_TOKEN) {
    const row = page.getByTestId('roster-confirmed').locator('tbody tr').first()
    await row.getByTestId('phone').filter({ hasText: '138****1111' }).waitFor()
    await page.getByTestId('roster-waitlist').locator('tbody tr', { hasText: '李小红' }).waitFor()
    await row.getByTestId('show').click()
    await row.getByTestId('phone').filter({ hasText: '13800001111' }).waitFor()
    const download = page.waitForEvent('download')
    await page.getByTestId('export').click()
    if (!(await download).suggestedFilename().endsWith('.csv')) throw new Error('the roster export is no CSV')
  }
  await accessible(page, 'roster')
  await shoot(page, 'roster')

  step('subscriptions: the signing secret is shown once')
  await page.goto(CONSOLE + '/#/subscriptions')
  const subscription = page.getByTestId('subscription-form')
  await subscription.locator('input[name="target"]').fill('http://127.0.0.1:9/console-e2e')
  await subscription.getByRole('button', { name: '创建' }).click()
  await page.getByTestId('signing-secret').waitFor()
  await accessible(page, 'subscriptions')
  await shoot(page, 'subscriptions')

  step('English switch')
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('heading', { name: 'Alert subscriptions' }).waitFor()
  await page.getByRole('button', { name: '中文' }).click()

  step('logout')
  await page.getByTestId('logout').click()
  await page.getByTestId('login').waitFor()
  const session = await page.request.get(CONSOLE + '/api/session')
  if (session.status() !== 401) throw new Error(`after logout /api/session answered ${session.status()}`)
  step('passed')
} finally {
  await browser.close()
}
