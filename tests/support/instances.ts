import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, symlinkSync } from 'node:fs'
import app from '@adonisjs/core/services/app'

/** Runs `node <args>` in a directory with extra environment; fails with its output if it fails. */
export async function runNode(cwd: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env } })
  const output: string[] = []
  child.stdout?.on('data', (chunk) => output.push(String(chunk)))
  child.stderr?.on('data', (chunk) => output.push(String(chunk)))
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${output.join('')}`)
}

/**
 * The built app (node ace build), with the project's node_modules linked in. Built in a
 * child process, so the test process keeps serving its own connections meanwhile.
 */
export async function buildApp() {
  await runNode(app.makePath(), ['ace', 'build'], { NODE_ENV: 'development' })
  const modules = app.makePath('build/node_modules')
  if (!existsSync(modules)) symlinkSync(app.makePath('node_modules'), modules, 'dir')
}

/** One running instance of the built app, in production mode. */
export type Instance = { url: string; process: ChildProcess; output: string[] }

/**
 * Starts the built server on a port with the given environment (same APP_KEY and
 * database for every instance), and waits until its /health answers 200.
 */
export async function startInstance(port: number, env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : []),
      'bin/server.js',
    ],
    {
      cwd: app.makePath('build'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        ...env,
      },
    }
  )
  const instance: Instance = { url: `http://127.0.0.1:${port}`, process: child, output: [] }
  child.stdout?.on('data', (chunk) => instance.output.push(String(chunk)))
  child.stderr?.on('data', (chunk) => instance.output.push(String(chunk)))
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const response = await fetch(`${instance.url}/health`)
      if (response.status === 200) return instance
    } catch {}
    if (child.exitCode !== null) break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  child.kill()
  throw new Error(`the instance on ${port} did not start:\n${instance.output.join('')}`)
}

/**
 * Starts the outbox's worker of the built app (`node ace emails:deliver --watch`) with
 * the given environment; stopped by SIGTERM (it finishes the batch under way).
 */
export function startEmailWorker(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ['ace', 'emails:deliver', '--watch', ...args], {
    cwd: app.makePath('build'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '3360',
      LOG_LEVEL: 'warn',
      ...env,
    },
  })
  const output: string[] = []
  child.stdout?.on('data', (chunk) => output.push(String(chunk)))
  child.stderr?.on('data', (chunk) => output.push(String(chunk)))
  return { process: child, output }
}

/**
 * A visitor with its own cookies, going from one instance to another (fetch keeps no
 * cookies by itself): what a browser behind a load balancer does.
 */
export class Visitor {
  cookies = new Map<string, string>()

  /** The browser's User-Agent, when it matters. */
  agent?: string

  /** The visitor's cookies as one Cookie header. */
  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  /** A request to an instance, cookies sent and kept, redirects not followed. */
  async request(base: string, path: string, form?: Record<string, string>, referer?: string) {
    const response = await fetch(`${base}${path}`, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: this.cookieHeader(),
        accept: 'text/html',
        ...(this.agent ? { 'user-agent': this.agent } : {}),
        ...(referer ? { referer } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    })
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';')
      const index = pair.indexOf('=')
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1))
    }
    return {
      status: response.status,
      location: response.headers.get('location'),
      pageCache: response.headers.get('x-page-cache'),
      text: await response.text(),
    }
  }

  /** Sends a form of a page as a browser does: its CSRF token read from the page first, the page as referrer. */
  async submit(base: string, pagePath: string, action: string, form: Record<string, string>) {
    const page = await this.request(base, pagePath)
    const token = /name=['"]_csrf['"] value=['"]([^'"]+)['"]/.exec(page.text)?.[1]
    if (!token) throw new Error(`no CSRF token on ${pagePath} (${page.status})`)
    return this.request(base, action, { ...form, _csrf: token }, `${base}${pagePath}`)
  }
}
