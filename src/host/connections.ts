import type { Server } from 'node:http'
import type { Socket } from 'node:net'

/**
 * Lets `close` end idle keep-alive connections at once. Node's own `closeIdleConnections` leaves
 * two kinds open until their keep-alive timeout: a connection that never sent a request (browsers
 * and undici open spares) and one whose response was still finishing when `close` began.
 */
export class ConnectionTracker {
  /** Each open socket and how many of its responses are still in flight. */
  private readonly inFlight = new Map<Socket, number>()
  private closing = false

  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.inFlight.set(socket, 0)
      socket.once('close', () => this.inFlight.delete(socket))
    })
    server.on('request', (req, res) => {
      const socket = req.socket
      this.inFlight.set(socket, (this.inFlight.get(socket) ?? 0) + 1)
      res.once('close', () => {
        const left = Math.max(0, (this.inFlight.get(socket) ?? 1) - 1)
        if (!this.inFlight.has(socket)) return
        this.inFlight.set(socket, left)
        if (this.closing && left === 0) socket.end()
      })
    })
  }

  /** From now on, end every socket as soon as it has nothing in flight. */
  endIdle(): void {
    this.closing = true
    for (const [socket, count] of this.inFlight) if (count === 0) socket.end()
  }
}
