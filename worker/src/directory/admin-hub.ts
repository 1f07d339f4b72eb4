/**
 * The team dashboard's live feed, held by the Directory: admins connect a hibernatable WebSocket
 * (single-use ticket, valid 30 s) and every agent dialer reports its state changes here.
 */
import { PING, PONG, type AdminServerMessage } from "@dialer/shared";
import { randomToken, sha256 } from "../lib/crypto";

export const ADMIN_TICKET_TTL_MS = 30_000;
const TAG = "admin";
const actorTag = (actor: string) => `actor:${actor}`.slice(0, 256);

export class AdminHub {
  constructor(
    private readonly ctx: DurableObjectState,
    private readonly sql: SqlStorage,
  ) {
    sql.exec("CREATE TABLE IF NOT EXISTS admin_tickets (hash TEXT PRIMARY KEY, actor TEXT NOT NULL, expires_at INTEGER NOT NULL)");
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
  }

  async issueTicket(actor: string, now = Date.now()): Promise<string> {
    this.sql.exec("DELETE FROM admin_tickets WHERE expires_at < ?", now);
    const secret = randomToken(24);
    this.sql.exec("INSERT INTO admin_tickets (hash, actor, expires_at) VALUES (?, ?, ?)", await sha256(secret), actor, now + ADMIN_TICKET_TTL_MS);
    return secret;
  }

  /**
   * GET /api/admin/ws?ticket=: takes the ticket (once) and accepts the socket, tagged with the
   * actor it was issued to, so removing that admin closes it. `stillActive` re-checks the actor:
   * an admin removed after getting a ticket cannot use it.
   */
  async accept(request: Request, stillActive: (actor: string) => boolean = () => true): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") return new Response("expected a WebSocket upgrade", { status: 426 });
    const secret = new URL(request.url).searchParams.get("ticket") ?? "";
    const hash = await sha256(secret);
    const row = this.sql.exec<{ actor: string; expires_at: number }>("SELECT actor, expires_at FROM admin_tickets WHERE hash = ?", hash).toArray()[0];
    this.sql.exec("DELETE FROM admin_tickets WHERE hash = ?", hash);
    if (!secret || !row || row.expires_at < Date.now() || !stillActive(row.actor))
      return Response.json({ error: { code: "unauthorized", message: "invalid or expired WebSocket ticket (POST /api/admin/ws-ticket)" } }, { status: 401 });
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, [TAG, actorTag(row.actor)]);
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Closes every dashboard socket opened by `actor` (e.g. "admin:<agentId>" when that admin is removed). */
  closeActor(actor: string, reason: string) {
    for (const ws of this.ctx.getWebSockets(actorTag(actor))) {
      try {
        ws.close(4003, reason);
      } catch (err) {
        console.warn("admin websocket close failed", (err as Error).message);
      }
    }
  }

  broadcast(message: AdminServerMessage) {
    const text = JSON.stringify(message);
    for (const ws of this.ctx.getWebSockets(TAG)) {
      try {
        ws.send(text);
      } catch (err) {
        console.warn("admin websocket send failed", (err as Error).message); // closing; the dashboard reconnects and reloads
      }
    }
  }

  /** Everything but the auto-answered ping is ignored: the dashboard only listens. */
  onMessage(ws: WebSocket, message: string | ArrayBuffer) {
    if (typeof message === "string" && message.includes('"ping"')) ws.send(PONG);
  }

  onClose(ws: WebSocket, reason: string) {
    ws.close(1000, reason || "closing"); // 1005/1006 cannot be echoed back
  }
}
