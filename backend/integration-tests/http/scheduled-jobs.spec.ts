import fs from "fs"
import os from "os"
import path from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { JobLoader } from "@medusajs/framework/jobs"
import { WorkflowManager, WorkflowScheduler } from "@medusajs/framework/orchestration"
import { FakeTwilio, startFakeTwilio } from "@sweetshop/sandbox"
import { seedShop, Shopper, shopperFor, twilioEnv, useFakeBeforeBoot } from "../helpers/shopper"
import { SubscriberTracker, trackSubscribers } from "../helpers/events"

jest.setTimeout(240_000)

/**
 * The plugins' scheduled jobs as Medusa runs them: registered by Medusa's own job
 * loader (a workflow named `job-<name>` with the job's schedule), and run by the
 * workflow engine's scheduler, not called as functions.
 */
const PLUGINS = path.resolve(__dirname, "../../../plugins")
// cron-parser is what Medusa's in-memory workflow engine reads schedules with.
const { parseExpression } = require(require.resolve("cron-parser", { paths: [require.resolve("@medusajs/workflow-engine-inmemory")] }))

/** Every job the plugins ship, from their build (what Medusa loads; npm test builds the plugins first). */
function pluginJobs() {
  return fs
    .readdirSync(PLUGINS)
    .flatMap((plugin) => {
      const dir = path.join(PLUGINS, plugin, ".medusa", "server", "src", "jobs")
      if (!fs.existsSync(dir)) return []
      return fs
        .readdirSync(dir)
        .filter((file) => file.endsWith(".js"))
        .map((file) => ({ plugin, file: path.join(dir, file), exports: require(path.join(dir, file)) }))
    })
}

/** The scheduler's entry for a workflow (the in-memory engine keeps them by workflow id). */
const scheduled = (workflowId: string) => (WorkflowScheduler as any).storage?.scheduled?.get(workflowId)

let twilio: FakeTwilio

useFakeBeforeBoot(async () => {
  twilio = await startFakeTwilio()
  return { fake: twilio, env: { ...twilioEnv(twilio), TWILIO_TIMEOUT_MS: "1500" } }
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let storeHeaders: { headers: Record<string, string> }
    let shopper: Shopper
    let events: SubscriberTracker
    const registeredHere: string[] = []

    beforeAll(async () => {
      storeHeaders = await seedShop(getContainer())
      events = trackSubscribers(getContainer())
    })
    afterAll(() => {
      events?.restore()
      for (const id of registeredHere) WorkflowManager.unregister(id)
    })
    beforeEach(() => {
      shopper = shopperFor(api, storeHeaders)
      twilio.messages.length = 0
      twilio.failNext(0)
    })

    it("every plugin job has a name and a cron schedule, and the shop registered and scheduled each one", async () => {
      const jobs = pluginJobs()
      expect(jobs.map((j) => j.plugin)).toEqual(expect.arrayContaining(["notifications", "payment-razorpay"]))
      const names = new Set<string>()
      const loader = new JobLoader([], getContainer()) as any
      for (const { plugin, file, exports } of jobs) {
        const where = `${plugin}/${path.basename(file)}`
        expect(typeof exports.default).toBe("function")
        // Medusa's own check (name and schedule present), then the schedule read as the engine reads it.
        expect(() => loader.validateConfig(exports.config)).not.toThrow()
        expect(typeof exports.config.name).toBe("string")
        expect(exports.config.name).toMatch(/^[a-z0-9-]+$/)
        expect(names.has(exports.config.name)).toBe(false)
        names.add(exports.config.name)
        const cron = typeof exports.config.schedule === "string" ? exports.config.schedule : exports.config.schedule.cron
        expect([where, cron.trim().split(/\s+/).length]).toEqual([where, 5])
        const next = parseExpression(cron).next().getTime() - Date.now()
        expect(next).toBeGreaterThan(0)
        expect(next).toBeLessThanOrEqual(24 * 60 * 60_000)

        // Registered by the shop's boot (Medusa's jobs loader) as a scheduled workflow, and in the scheduler.
        const workflow = WorkflowManager.getWorkflow(`job-${exports.config.name}`)
        expect([where, workflow?.options?.schedule]).toEqual([where, expect.objectContaining({ cron })])
        expect([where, Boolean(scheduled(`job-${exports.config.name}`))]).toEqual([where, true])
      }
    })

    it("Medusa's scheduler runs the notifications retry job: a failed SMS is sent again with no test calling it", async () => {
      const { default: retryJob, config } = require(path.join(PLUGINS, "notifications/.medusa/server/src/jobs/retry-failed-notifications.js"))
      // Only the copy on the short schedule may send in this test: the shop's own (every minute) is taken off.
      WorkflowManager.unregister(`job-${config.name}`)

      twilio.failNext(1, "500")
      const kaju = await shopper.variant("kaju-katli", "500 g")
      const cartId = await shopper.createCart([{ variant_id: kaju.id, quantity: 1 }])
      await shopper.prepareCheckout(cartId)
      const completed = await shopper.complete(cartId)
      expect(completed.status).toBe(200)
      const order = completed.data.order
      await events.settled()
      const notifications = getContainer().resolve(Modules.NOTIFICATION)
      const [failed] = (await notifications.listNotifications({ resource_id: order.id } as any)) as any[]
      expect(failed.status).toBe("failure")
      expect(twilio.messages).toHaveLength(0)
      // The back-off after the first failure has passed (the try was made ten minutes ago).
      await dbConnection.raw(`update notification_attempt set created_at = now() - interval '10 minutes' where notification_id = ?`, [failed.id])

      // The plugin's job file as Medusa's loader finds it in a jobs folder, its schedule every second.
      const runs: string[] = []
      ;(globalThis as any).__sweetshopRetryJob = { handler: retryJob, runs }
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sweetshop-jobs-"))
      const name = `${config.name}-every-second`
      fs.writeFileSync(
        path.join(dir, "retry-failed-notifications.js"),
        `const job = globalThis.__sweetshopRetryJob
exports.default = async (container, context) => { job.runs.push(context.scheduledFor.toISOString()); return job.handler(container, context) }
exports.config = { name: ${JSON.stringify(name)}, schedule: "* * * * * *" }
`
      )
      await new JobLoader(dir, getContainer()).load()
      registeredHere.push(`job-${name}`)
      expect(WorkflowManager.getWorkflow(`job-${name}`)?.options?.schedule).toMatchObject({ cron: "* * * * * *" })

      // Bounded waits on what the job does, not on time: it ran, and the SMS went out once, recorded as the second try.
      const until = Date.now() + 30_000
      while (Date.now() < until && twilio.messages.length === 0) await new Promise((r) => setTimeout(r, 100))
      expect(runs.length).toBeGreaterThanOrEqual(1)
      expect(twilio.messages).toHaveLength(1)
      expect(twilio.messages[0].body).toContain(`order #${order.display_id} placed`)
      // Twilio has the SMS as soon as it is sent; the record is marked after the provider answers: wait for that.
      const record = async () => ((await notifications.listNotifications({ resource_id: order.id } as any)) as any[])[0]
      while (Date.now() < until && (await record()).status !== "success") await new Promise((r) => setTimeout(r, 100))
      expect((await record()).status).toBe("success")

      // Later runs of the schedule find nothing left to send.
      const runsSoFar = runs.length
      while (runs.length < runsSoFar + 2 && Date.now() < until + 10_000) await new Promise((r) => setTimeout(r, 100))
      expect(runs.length).toBeGreaterThanOrEqual(runsSoFar + 2)
      expect(twilio.messages).toHaveLength(1)
      const attempts = await getContainer().resolve<any>("notification_attempts").listNotificationAttempts({ notification_id: failed.id }, { order: { attempt: "ASC" } })
      expect(attempts.map((a: any) => a.outcome)).toEqual(["failed", "sent"])
      fs.rmSync(dir, { recursive: true, force: true })
    })
  },
})
