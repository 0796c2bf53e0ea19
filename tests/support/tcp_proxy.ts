import net from 'node:net'

/**
 * A TCP proxy the tests put between the app and the database, then cut and restore,
 * to see how the app behaves when the database goes away (the machine's MariaDB
 * itself is never stopped).
 */
export class TcpProxy {
  #server: net.Server | null = null
  #sockets = new Set<net.Socket>()
  port = 0

  constructor(
    private targetHost: string,
    private targetPort: number
  ) {}

  /** Starts forwarding, on a free port the first time and on the same port after. */
  async start() {
    this.#server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost)
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket)
        socket.on('close', () => this.#sockets.delete(socket))
        socket.on('error', () => {
          client.destroy()
          upstream.destroy()
        })
      }
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((resolve) => this.#server!.listen(this.port, '127.0.0.1', resolve))
    this.port = (this.#server.address() as net.AddressInfo).port
  }

  /** Cuts every open connection and refuses new ones: the database is gone. */
  async cut() {
    for (const socket of this.#sockets) socket.destroy()
    this.#sockets.clear()
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve())
    this.#server = null
  }
}
